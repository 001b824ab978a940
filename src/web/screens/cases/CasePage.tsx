import { NavLink, useParams } from 'react-router';
import { sensitiveCategoryLabels } from '../../../domain/cases/vocabulary';
import { ageOn, formatWareki, todayInJapan } from '../../../domain/text/wareki';
import { QueryState } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { fill, useI18n } from '../../i18n/i18n';
import { MultiAgencyTab } from '../multi-agency/MultiAgencyTab';
import { ReferralsTab } from '../referrals/ReferralsTab';
import { AssessmentTab } from './AssessmentTab';
import { ClosureTab } from './ClosureTab';
import { ConsentTab } from './ConsentTab';
import { type CaseView, useCase } from './case-data';
import { EmergencyTab } from './EmergencyTab';
import { IntakeTab } from './IntakeTab';
import { MonitoringTab } from './MonitoringTab';
import { OutreachTab } from './OutreachTab';
import { OverviewTab } from './OverviewTab';
import { ParticipationTab } from './ParticipationTab';
import { PersonTab } from './PersonTab';
import { PlanTab } from './PlanTab';
import { RecordsTab } from './RecordsTab';

export const caseTabs = [
  'overview',
  'person',
  'intake',
  'outreach',
  'consent',
  'emergency',
  'referrals',
  'assessment',
  'plan',
  'multi_agency',
  'participation',
  'records',
  'monitoring',
  'closure',
] as const;
export type CaseTab = (typeof caseTabs)[number];

const tabBodies: Record<CaseTab, (props: { view: CaseView }) => React.ReactNode> = {
  overview: OverviewTab,
  person: PersonTab,
  intake: IntakeTab,
  outreach: OutreachTab,
  consent: ConsentTab,
  emergency: EmergencyTab,
  referrals: ReferralsTab,
  assessment: AssessmentTab,
  plan: PlanTab,
  multi_agency: MultiAgencyTab,
  participation: ParticipationTab,
  records: RecordsTab,
  monitoring: MonitoringTab,
  closure: ClosureTab,
};

/** One case: who, where it stands, and a tab for each part of the support process. */
export function CasePage() {
  const { t, label, lang } = useI18n();
  const c = t.cases;
  const params = useParams();
  const id = params.id ?? '';
  const tab: CaseTab = (caseTabs as readonly string[]).includes(params.tab ?? '')
    ? (params.tab as CaseTab)
    : 'overview';
  const query = useCase(id);
  const view = query.data;
  if (!view) return <QueryState error={query.error} />;
  const person = view.person;
  const Body = tabBodies[tab];
  const age = person.birthDate ? ageOn(person.birthDate, todayInJapan()) : null;
  return (
    <Page
      title={person.name}
      lead={
        <span className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="case-header">
          {person.nameKana && <span>{person.nameKana}</span>}
          <span>{fill(c.case.caseNumber, { number: view.case.caseNumber })}</span>
          <StatusBadge status={view.case.status} />
          {person.birthDate && (
            <span>
              {lang === 'ja' ? formatWareki(person.birthDate) : person.birthDate}（
              {fill(c.person.ageValue, { age: age ?? '' })}）
            </span>
          )}
          {view.case.leadWorkerId && (
            <span>
              {c.case.leadWorker}：{view.staff[view.case.leadWorkerId] ?? ''}
            </span>
          )}
          {person.sensitiveCategories.length > 0 && (
            <span className="rounded-4 bg-red-50 px-2 text-dns-14B-130 text-error-2">
              {c.case.sensitive}：
              {person.sensitiveCategories.map((s) => label(sensitiveCategoryLabels[s])).join('・')}
            </span>
          )}
        </span>
      }
    >
      <nav
        aria-label={c.nav.cases}
        className="no-print mb-6 overflow-x-auto border-b-2 border-solid-gray-200"
      >
        <ul className="flex min-w-max">
          {caseTabs.map((key) => (
            <li key={key}>
              <NavLink
                to={key === 'overview' ? `/cases/${id}` : `/cases/${id}/${key}`}
                end
                className={({ isActive }) =>
                  `block border-b-4 px-3 py-2 text-std-16B-170 no-underline ${isActive ? 'border-blue-900 text-blue-1000' : 'border-transparent text-solid-gray-700 hover:text-blue-900'}`
                }
              >
                {c.case.tabs[key]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {!view.abilities.update && <p className="mb-4 text-solid-gray-700">{c.case.readOnly}</p>}
      <Body view={view} />
    </Page>
  );
}
