import type { Notice } from './notifier.js';

/** The channels a person chooses per topic group; webhooks are chosen by Keepers, per webhook. */
export const PERSONAL_CHANNELS = ['inApp', 'email'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

export interface TopicGroup {
  id: string;
  title: string;
  description: string;
  defaults: Record<PersonalChannel, boolean>;
}

/**
 * What people choose by. A notice falls in the first group that claims it: escalations and
 * notices addressed to one person come first, so that e-mail for them can be on while e-mail
 * about a whole team's activity stays off by default.
 */
export const TOPIC_GROUPS: readonly TopicGroup[] = [
  {
    id: 'personal',
    title: 'Addressed to you',
    description: 'Answers and comments on your own requests, things assigned to you',
    defaults: { inApp: true, email: true },
  },
  {
    id: 'escalations',
    title: 'Overdue escalations',
    description: 'Requests and reviews that passed their response target',
    defaults: { inApp: true, email: true },
  },
  {
    id: 'requests',
    title: 'Team requests',
    description: 'Activity on requests of your teams',
    defaults: { inApp: true, email: false },
  },
  {
    id: 'radar',
    title: 'Technology radar',
    description: 'Proposals, votes and decisions',
    defaults: { inApp: true, email: false },
  },
  {
    id: 'catalog',
    title: 'Catalog problems',
    description: "New problems in your team's catalog entities",
    defaults: { inApp: true, email: false },
  },
  {
    id: 'vault',
    title: 'Vault expiry',
    description: 'Team secrets that expire soon',
    defaults: { inApp: true, email: false },
  },
  {
    id: 'other',
    title: 'Everything else',
    description: 'Platform notices that fit no group above',
    defaults: { inApp: true, email: false },
  },
];

const PREFIX_GROUPS: Record<string, string> = {
  request: 'requests',
  requests: 'requests',
  radar: 'radar',
  proposal: 'radar',
  catalog: 'catalog',
  vault: 'vault',
};

/** The group whose choices apply to a notice. */
export function groupOf(notice: Pick<Notice, 'topic' | 'personal'>): string {
  const parts = notice.topic.split('.');
  const last = parts[parts.length - 1] ?? '';
  if (last === 'overdue' || last === 'escalated') return 'escalations';
  if (notice.personal) return 'personal';
  return PREFIX_GROUPS[parts[0] ?? ''] ?? 'other';
}

/** Whether a webhook's topic pattern (`*`, `request.*`, `catalog.problems`) takes a topic. */
export function topicMatches(pattern: string, topic: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return topic.startsWith(pattern.slice(0, -1));
  return pattern === topic;
}

export const TOPIC_PATTERN = /^(\*|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(\.\*)?)$/;
