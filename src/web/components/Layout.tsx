import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { Action } from '../../domain/permissions';
import { roleLabels } from '../../domain/roles';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/ja';
import { SignInForm } from '../screens/sign-in/SignInForm';

interface NavItem {
  to: string;
  label: keyof Messages['nav'];
  action?: Action;
}

/** The menu, each item shown only to those whose roles allow it (the server decides; see permissions). */
export const navItems: NavItem[] = [
  { to: '/', label: 'home' },
  { to: '/cases', label: 'cases', action: 'case.read' },
  { to: '/meetings', label: 'meetings', action: 'meeting.read' },
  // つなぎ: case staff follow what they sent, partner staff answer what was sent to them (the two
  // never meet in one account: partner staff hold no other role).
  { to: '/referrals', label: 'referrals', action: 'case.read' },
  { to: '/referrals', label: 'referrals', action: 'referral.respond' },
  // 多機関協働: coordinators keep the households; partner staff read those their agency is in.
  { to: '/multi-agency', label: 'multiAgency', action: 'multiAgency.manage' },
  { to: '/multi-agency', label: 'multiAgency', action: 'referral.respond' },
  { to: '/community', label: 'community', action: 'community.manage' },
  { to: '/resource-gaps', label: 'resourceGaps', action: 'resourceGap.manage' },
  { to: '/statistics', label: 'statistics', action: 'statistics.read' },
  // 一括取り込み: support workers bring their agency's old lists (the server also asks for an agency).
  { to: '/imports', label: 'imports', action: 'case.create' },
  { to: '/partner-agencies', label: 'partnerAgencies', action: 'directory.read' },
  { to: '/resources', label: 'resources', action: 'directory.read' },
  { to: '/support-agencies', label: 'supportAgencies', action: 'directory.read' },
  { to: '/municipality', label: 'municipality', action: 'directory.read' },
  { to: '/users', label: 'users', action: 'user.read' },
  { to: '/audit', label: 'audit', action: 'audit.read' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="flex gap-1">
      <legend className="sr-only">{t.app.language}</legend>
      {(['ja', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
          className={`rounded-4 px-2 py-1 text-dns-14B-130 ${lang === l ? 'bg-blue-900 text-white' : 'text-blue-900 underline'}`}
        >
          {l === 'ja' ? '日本語' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}

/** Header, menu and main area; when the session ran out mid-work, a sign-in box over the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, label } = useI18n();
  const session = useSession();
  const user = session.view?.user;
  return (
    <div className="min-h-screen bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-yellow-300 focus:p-3"
      >
        {t.app.skipToContent}
      </a>
      <header className="no-print border-b border-solid-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div>
            <p className="text-std-24B-150 text-blue-1000">{t.app.name}</p>
            <p className="text-dns-14N-130 text-solid-gray-700">{t.app.tagline}</p>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <LanguageSwitch />
            {user && (
              <div className="text-right">
                <p className="text-dns-16B-130" data-testid="current-user">
                  {user.displayName}
                  <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                    {user.roles.map((r) => label(roleLabels[r])).join('・')}
                  </span>
                </p>
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {user.municipality.name}
                  {'　'}
                  {user.organisation.name !== user.municipality.name ? user.organisation.name : ''}
                </p>
              </div>
            )}
          </div>
        </div>
        {user && !user.mustChangePassword && (
          <nav aria-label={t.nav.label} className="bg-blue-1000">
            <ul className="mx-auto flex max-w-7xl flex-wrap px-2">
              {navItems
                .filter((item) => !item.action || session.can(item.action))
                .map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.to === '/'}
                      className={({ isActive }) =>
                        `block px-4 py-3 text-std-16B-170 text-white no-underline hover:underline ${isActive ? 'bg-blue-1200 underline' : ''}`
                      }
                    >
                      {t.nav[item.label]}
                    </NavLink>
                  </li>
                ))}
              <li className="ml-auto">
                <NavLink
                  to="/account"
                  className="block px-4 py-3 text-std-16N-170 text-white hover:underline"
                >
                  {t.nav.account}
                </NavLink>
              </li>
              <li>
                <button
                  type="button"
                  onClick={() => void session.signOut()}
                  className="block px-4 py-3 text-std-16N-170 text-white underline"
                >
                  {t.nav.signOut}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
      {session.expired && !user && (
        <div className="no-print fixed inset-0 z-40 flex items-center justify-center bg-opacity-gray-600 p-4">
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby="expired-title"
            className="w-full max-w-lg rounded-12 bg-white p-6 shadow-4"
          >
            <h2 id="expired-title" className="text-std-24B-150">
              {t.signIn.expiredTitle}
            </h2>
            <p className="mt-2 mb-4">{t.signIn.expiredLead}</p>
            <SignInForm />
          </div>
        </div>
      )}
    </div>
  );
}
