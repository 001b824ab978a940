import { Link } from 'react-router';
import { roleLabels } from '../../../domain/roles';
import { useSession } from '../../api/session';
import { navItems } from '../../components/Layout';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { fill, useI18n } from '../../i18n/i18n';
import { CaseloadPanel } from '../cases/CaseloadPanel';
import { TasksPanel } from '../meetings/TasksPanel';
import { ReferralAlertsPanel } from '../referrals/ReferralAlertsPanel';

/** The start page: who and where you are, and the doors your roles open. */
export function HomePage() {
  const { t, label } = useI18n();
  const session = useSession();
  const user = session.view?.user;
  if (!user) return null;
  const shortcuts = navItems.filter(
    (item) => item.to !== '/' && (!item.action || session.can(item.action)),
  );
  return (
    <Page title={t.home.title}>
      <p className="text-std-20B-150" data-testid="welcome">
        {fill(t.home.welcome, { name: user.displayName })}
      </p>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-solid-gray-700">{t.home.organisation}</dt>
        <dd>
          {user.municipality.name}
          {user.organisation.type !== 'municipality' && `　${user.organisation.name}`}
        </dd>
        <dt className="text-solid-gray-700">{t.home.roles}</dt>
        <dd>{user.roles.map((r) => label(roleLabels[r])).join('・')}</dd>
      </dl>
      {!user.totpEnabled && (
        <Notice tone="warning">
          <p>{t.home.totpNotice}</p>
          <Link to="/account">{t.home.totpNoticeLink}</Link>
        </Notice>
      )}
      {session.can('meeting.read') && <TasksPanel />}
      {(session.can('case.read') || session.can('referral.respond')) && <ReferralAlertsPanel />}
      {session.can('case.read') && <CaseloadPanel />}
      <h2 className="mt-8 mb-4 text-std-24B-150">{t.home.shortcuts}</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[...shortcuts, { to: '/account', label: 'account' as const }].map((item) => (
          <li key={item.to} className="rounded-12 border border-solid-gray-300 p-4 hover:shadow-1">
            <Link to={item.to} className="text-std-20B-150">
              {t.nav[item.label]}
            </Link>
            <p className="mt-2 text-dns-16N-130 text-solid-gray-700">
              {t.home.descriptions[item.label as keyof typeof t.home.descriptions]}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
