import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Action } from '../domain/permissions';
import { useSession } from './api/session';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { AccountPage } from './screens/account/AccountPage';
import { ForcedPasswordChangePage } from './screens/account/ForcedPasswordChangePage';
import { MunicipalityPage } from './screens/admin/MunicipalityPage';
import { PartnerAgenciesPage } from './screens/admin/PartnerAgenciesPage';
import { PartnerAgenciesPrintPage } from './screens/admin/PartnerAgenciesPrintPage';
import { PartnerAgencyFormPage } from './screens/admin/PartnerAgencyFormPage';
import { SupportAgenciesPage } from './screens/admin/SupportAgenciesPage';
import { SupportAgencyFormPage } from './screens/admin/SupportAgencyFormPage';
import { UserFormPage } from './screens/admin/UserFormPage';
import { UsersPage } from './screens/admin/UsersPage';
import { AuditLogPage } from './screens/audit/AuditLogPage';
import { CasePage } from './screens/cases/CasePage';
import { CaseSearchPage } from './screens/cases/CaseSearchPage';
import { NewIntakePage } from './screens/cases/NewIntakePage';
import { NewLeadPage } from './screens/cases/NewLeadPage';
import { PrintPage } from './screens/cases/PrintPage';
import { CommunityPage } from './screens/community/CommunityPage';
import { DisclosurePage } from './screens/disclosure/DisclosurePage';
import { ErrorBoundary, ForbiddenPage, NotFoundPage } from './screens/errors/ErrorPages';
import { HomePage } from './screens/home/HomePage';
import { BulkImportPage } from './screens/imports/BulkImportPage';
import { ItemSheetPage } from './screens/meetings/ItemSheetPage';
import { MeetingPage } from './screens/meetings/MeetingPage';
import { MeetingPrintPage } from './screens/meetings/MeetingPrintPage';
import { MeetingsPage } from './screens/meetings/MeetingsPage';
import { SeriesPage } from './screens/meetings/SeriesPage';
import { MultiAgencyListPage } from './screens/multi-agency/MultiAgencyListPage';
import { MultiAgencyPage } from './screens/multi-agency/MultiAgencyPage';
import { ReferralsPage } from './screens/referrals/ReferralsPage';
import { SharedCasePage } from './screens/referrals/SharedCasePage';
import { ResourceFormPage } from './screens/resources/ResourceFormPage';
import { ResourceGapPage } from './screens/resources/ResourceGapPage';
import { ResourceGapsPage } from './screens/resources/ResourceGapsPage';
import { ResourcesPage } from './screens/resources/ResourcesPage';
import { ResourcesPrintPage } from './screens/resources/ResourcesPrintPage';
import { SignInPage } from './screens/sign-in/SignInPage';
import { StatisticsPage } from './screens/statistics/StatisticsPage';

/**
 * Screens for signed-in users. Without a session the user goes to sign-in (and comes back);
 * with a pending password change, to that first. A screen the roles do not allow shows 403 —
 * the server refuses it anyway, this only spares the round trip.
 */
function Protected({ action, children }: { action?: Action; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const user = session.view?.user;
  if (!session.view) return <Loading />;
  if (!user && !session.expired) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (user?.mustChangePassword) return <ForcedPasswordChangePage />;
  if (action && user && !session.can(action)) return <ForbiddenPage />;
  return <>{children}</>;
}

export function App() {
  const location = useLocation();
  return (
    <Layout>
      <ErrorBoundary key={location.pathname}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            path="/"
            element={
              <Protected>
                <HomePage />
              </Protected>
            }
          />
          <Route
            path="/account"
            element={
              <Protected>
                <AccountPage />
              </Protected>
            }
          />
          <Route
            path="/municipality"
            element={
              <Protected action="directory.read">
                <MunicipalityPage />
              </Protected>
            }
          />
          <Route
            path="/support-agencies"
            element={
              <Protected action="directory.read">
                <SupportAgenciesPage />
              </Protected>
            }
          />
          <Route
            path="/support-agencies/new"
            element={
              <Protected action="supportAgency.manage">
                <SupportAgencyFormPage />
              </Protected>
            }
          />
          <Route
            path="/support-agencies/:id"
            element={
              <Protected action="directory.read">
                <SupportAgencyFormPage />
              </Protected>
            }
          />
          <Route
            path="/cases"
            element={
              <Protected action="case.read">
                <CaseSearchPage />
              </Protected>
            }
          />
          <Route
            path="/cases/new"
            element={
              <Protected action="case.create">
                <NewIntakePage />
              </Protected>
            }
          />
          <Route
            path="/cases/new-lead"
            element={
              <Protected action="case.create">
                <NewLeadPage />
              </Protected>
            }
          />
          <Route
            path="/persons/:id/disclosure"
            element={
              <Protected action="person.disclose">
                <DisclosurePage />
              </Protected>
            }
          />
          <Route
            path="/cases/:id/print/:form"
            element={
              <Protected action="case.read">
                <PrintPage />
              </Protected>
            }
          />
          <Route
            path="/cases/:id"
            element={
              <Protected action="case.read">
                <CasePage />
              </Protected>
            }
          />
          <Route
            path="/cases/:id/:tab"
            element={
              <Protected action="case.read">
                <CasePage />
              </Protected>
            }
          />
          <Route
            path="/referrals"
            element={
              // Partner staff and case staff each see their side; the page decides (and the
              // server refuses anyone else).
              <Protected>
                <ReferralsPage />
              </Protected>
            }
          />
          <Route
            path="/shared-cases/:id"
            element={
              <Protected action="referral.respond">
                <SharedCasePage />
              </Protected>
            }
          />
          <Route
            path="/meetings"
            element={
              <Protected action="meeting.read">
                <MeetingsPage />
              </Protected>
            }
          />
          <Route
            path="/community"
            element={
              <Protected action="community.manage">
                <CommunityPage />
              </Protected>
            }
          />
          <Route
            path="/multi-agency"
            element={
              <Protected>
                <MultiAgencyListPage />
              </Protected>
            }
          />
          <Route
            path="/multi-agency/:id"
            element={
              <Protected>
                <MultiAgencyPage />
              </Protected>
            }
          />
          <Route
            path="/meetings/series/new"
            element={
              <Protected action="meeting.manage">
                <SeriesPage />
              </Protected>
            }
          />
          <Route
            path="/meetings/series/:id"
            element={
              <Protected action="meeting.read">
                <SeriesPage />
              </Protected>
            }
          />
          <Route
            path="/meetings/:id"
            element={
              <Protected action="meeting.read">
                <MeetingPage />
              </Protected>
            }
          />
          <Route
            path="/meetings/:id/print"
            element={
              <Protected action="meeting.read">
                <MeetingPrintPage />
              </Protected>
            }
          />
          <Route
            path="/meetings/:id/items/:itemId/print"
            element={
              <Protected action="meeting.read">
                <ItemSheetPage />
              </Protected>
            }
          />
          <Route
            path="/partner-agencies"
            element={
              <Protected action="directory.read">
                <PartnerAgenciesPage />
              </Protected>
            }
          />
          <Route
            path="/partner-agencies/print"
            element={
              <Protected action="directory.read">
                <PartnerAgenciesPrintPage />
              </Protected>
            }
          />
          <Route
            path="/resources"
            element={
              <Protected action="directory.read">
                <ResourcesPage />
              </Protected>
            }
          />
          <Route
            path="/resources/new"
            element={
              <Protected action="socialResource.manage">
                <ResourceFormPage />
              </Protected>
            }
          />
          <Route
            path="/resources/print"
            element={
              <Protected action="directory.read">
                <ResourcesPrintPage />
              </Protected>
            }
          />
          <Route
            path="/resources/:id"
            element={
              <Protected action="directory.read">
                <ResourceFormPage />
              </Protected>
            }
          />
          <Route
            path="/resource-gaps"
            element={
              <Protected action="resourceGap.manage">
                <ResourceGapsPage />
              </Protected>
            }
          />
          <Route
            path="/resource-gaps/:id"
            element={
              <Protected action="resourceGap.manage">
                <ResourceGapPage />
              </Protected>
            }
          />
          <Route
            path="/partner-agencies/new"
            element={
              <Protected action="partnerAgency.manage">
                <PartnerAgencyFormPage />
              </Protected>
            }
          />
          <Route
            path="/partner-agencies/:id"
            element={
              <Protected action="directory.read">
                <PartnerAgencyFormPage />
              </Protected>
            }
          />
          <Route
            path="/users"
            element={
              <Protected action="user.read">
                <UsersPage />
              </Protected>
            }
          />
          <Route
            path="/users/new"
            element={
              <Protected action="user.manage">
                <UserFormPage />
              </Protected>
            }
          />
          <Route
            path="/users/:id"
            element={
              <Protected action="user.read">
                <UserFormPage />
              </Protected>
            }
          />
          <Route
            path="/imports"
            element={
              <Protected action="case.create">
                <BulkImportPage />
              </Protected>
            }
          />
          <Route
            path="/statistics"
            element={
              <Protected action="statistics.read">
                <StatisticsPage />
              </Protected>
            }
          />
          <Route
            path="/audit"
            element={
              <Protected action="audit.read">
                <AuditLogPage />
              </Protected>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </ErrorBoundary>
    </Layout>
  );
}
