import {
  IconAlertTriangle,
  IconBook2,
  IconCategory2,
  IconCpu,
  IconGitBranch,
  IconHome2,
  IconLifebuoy,
  IconListDetails,
  IconRadar2,
  IconTemplate,
  IconTools,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import { paths } from './routes.js';

/** One entry of the side navigation. */
export interface NavItem {
  label: string;
  href: string;
  icon: typeof IconHome2;
  /** Shown on hover: what the section is for, in a few words. */
  hint: string;
}

/** The sections everyone sees, in the order UI.md fixes. */
export const mainNav: NavItem[] = [
  { label: 'Home', href: paths.home, icon: IconHome2, hint: 'Your teams and where to start' },
  {
    label: 'Catalog',
    href: paths.catalog,
    icon: IconCategory2,
    hint: 'Tools, data sets, services and who owns them',
  },
  { label: 'Docs', href: paths.docs, icon: IconBook2, hint: 'Guides and best practices' },
  { label: 'Templates', href: paths.templates, icon: IconTemplate, hint: 'Start a project the right way' },
  { label: 'Services', href: paths.services, icon: IconTools, hint: 'IDs, credentials, the team vault' },
  { label: 'Compute', href: paths.compute, icon: IconCpu, hint: 'Jobs and sweeps on the cluster' },
  { label: 'Radar', href: paths.radar, icon: IconRadar2, hint: 'Technologies we adopt, trial or hold' },
  { label: 'Requests', href: paths.requests, icon: IconLifebuoy, hint: 'Ask the Keepers for help' },
];

/** The Keepers' pages. */
export const adminNav: NavItem[] = [
  { label: 'Users', href: paths.users, icon: IconUsers, hint: 'Accounts, roles, one-time passwords' },
  { label: 'Teams', href: paths.teams, icon: IconUsersGroup, hint: 'Teams and their members' },
  {
    label: 'Catalog locations',
    href: paths.locations,
    icon: IconGitBranch,
    hint: 'Where the catalog is read from; sync and history',
  },
  {
    label: 'Catalog problems',
    href: paths.problems,
    icon: IconAlertTriangle,
    hint: 'Mistakes in catalog files, at file and line',
  },
  {
    label: 'Notification webhooks',
    href: paths.webhooks,
    icon: IconWebhook,
    hint: 'Notices posted to chat rooms; their deliveries',
  },
  {
    label: 'Audit log',
    href: paths.audit,
    icon: IconListDetails,
    hint: 'Every change, who made it and when',
  },
];

/** Whether `pathname` lies in the section of `href` (Home matches only itself). */
export function isActive(href: string, pathname: string): boolean {
  if (href === paths.home) return pathname === paths.home;
  return pathname === href || pathname.startsWith(`${href}/`);
}
