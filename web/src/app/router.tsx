import { createBrowserRouter, Navigate } from 'react-router';
import { AuditPage } from '../admin/AuditPage.js';
import { TeamDetailPage } from '../admin/TeamDetailPage.js';
import { TeamsPage } from '../admin/TeamsPage.js';
import { UsersPage } from '../admin/UsersPage.js';
import { LoginPage } from '../auth/LoginPage.js';
import { ProfilePage } from '../auth/ProfilePage.js';
import { TokensPage } from '../auth/TokensPage.js';
import { CatalogPage } from '../catalog/CatalogPage.js';
import { EntityPage } from '../catalog/entity/EntityPage.js';
import { LocationsPage } from '../catalog/locations/LocationsPage.js';
import { ProblemsPage } from '../catalog/problems/ProblemsPage.js';
import { ComputePage } from '../compute/ComputePage.js';
import { JobPage } from '../compute/job/JobPage.js';
import { NewJobPage } from '../compute/new/NewJobPage.js';
import { NewSweepPage } from '../compute/sweeps/NewSweepPage.js';
import { SweepPage } from '../compute/sweeps/SweepPage.js';
import { DocsPage } from '../docs/DocsPage.js';
import { HomePage } from '../home/HomePage.js';
import { NotificationPreferencesPage } from '../notifications/NotificationPreferencesPage.js';
import { NotificationsPage } from '../notifications/NotificationsPage.js';
import { WebhooksPage } from '../notifications/WebhooksPage.js';
import { NewProposalPage } from '../radar/NewProposalPage.js';
import { ProposalPage } from '../radar/ProposalPage.js';
import { ProposalsPage } from '../radar/ProposalsPage.js';
import { RadarPage } from '../radar/RadarPage.js';
import { NewRequestPage } from '../requests/NewRequestPage.js';
import { RequestPage } from '../requests/RequestPage.js';
import { RequestsPage } from '../requests/RequestsPage.js';
import { SearchPage } from '../search/SearchPage.js';
import { CredentialsPage } from '../services/credentials/CredentialsPage.js';
import { IdsPage } from '../services/ids/IdsPage.js';
import { ServicesPage } from '../services/ServicesPage.js';
import { VaultPage } from '../services/vault/VaultPage.js';
import { TaskHistoryPage } from '../templates/TaskHistoryPage.js';
import { TaskPage } from '../templates/TaskPage.js';
import { TemplatesPage } from '../templates/TemplatesPage.js';
import { AppFrame } from './AppFrame.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequireAuth } from './RequireAuth.js';
import { RequireKeeper } from './RequireKeeper.js';
import { paths } from './routes.js';

/** The route tree: the sign-in page alone, everything else inside the signed-in frame. */
export function createRouter() {
  return createBrowserRouter([
    { path: paths.login, element: <LoginPage /> },
    {
      element: (
        <RequireAuth>
          <AppFrame />
        </RequireAuth>
      ),
      children: [
        { path: paths.home, element: <HomePage /> },
        { path: paths.catalog, element: <CatalogPage /> },
        { path: paths.entity, element: <EntityPage /> },
        { path: paths.docs, element: <DocsPage /> },
        { path: paths.docsPage, element: <DocsPage /> },
        { path: paths.search, element: <SearchPage /> },
        { path: paths.templates, element: <TemplatesPage /> },
        { path: paths.tasks, element: <TaskHistoryPage /> },
        { path: paths.task, element: <TaskPage /> },
        {
          path: paths.template,
          // The form library is loaded with the first template form, not with every page.
          lazy: () =>
            import('../templates/TemplateRunPage.js').then((m) => ({ Component: m.TemplateRunPage })),
        },
        { path: paths.services, element: <ServicesPage /> },
        { path: paths.ids, element: <IdsPage /> },
        { path: paths.credentials, element: <CredentialsPage /> },
        { path: paths.vault, element: <VaultPage /> },
        { path: paths.compute, element: <ComputePage /> },
        { path: paths.newJob, element: <NewJobPage /> },
        { path: paths.job, element: <JobPage /> },
        { path: paths.newSweep, element: <NewSweepPage /> },
        { path: paths.sweep, element: <SweepPage /> },
        { path: paths.radar, element: <RadarPage /> },
        { path: paths.proposals, element: <ProposalsPage /> },
        { path: paths.newProposal, element: <NewProposalPage /> },
        { path: paths.proposal, element: <ProposalPage /> },
        { path: paths.requests, element: <RequestsPage /> },
        { path: paths.newRequest, element: <NewRequestPage /> },
        { path: paths.request, element: <RequestPage /> },
        { path: paths.profile, element: <ProfilePage /> },
        { path: paths.tokens, element: <TokensPage /> },
        { path: paths.notifications, element: <NotificationsPage /> },
        { path: paths.notificationPreferences, element: <NotificationPreferencesPage /> },
        {
          element: <RequireKeeper />,
          children: [
            { path: paths.admin, element: <Navigate to={paths.users} replace /> },
            { path: paths.users, element: <UsersPage /> },
            { path: paths.teams, element: <TeamsPage /> },
            { path: paths.team, element: <TeamDetailPage /> },
            { path: paths.audit, element: <AuditPage /> },
            { path: paths.locations, element: <LocationsPage /> },
            { path: paths.problems, element: <ProblemsPage /> },
            { path: paths.webhooks, element: <WebhooksPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
