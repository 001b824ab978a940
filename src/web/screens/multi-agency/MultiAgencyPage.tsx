import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { fill, useI18n } from '../../i18n/i18n';
import { MultiAgencyCase } from './MultiAgencyTab';

/**
 * One multi-agency case on its own page: what partner staff of an agency involved read (roles,
 * lead, joint plan, reviews) within the person's consent; staff who see the case work it on the
 * case's 多機関協働 tab.
 */
export function MultiAgencyPage() {
  const { t } = useI18n();
  const session = useSession();
  const id = useParams().id ?? '';
  const query = useQuery({
    queryKey: ['multi-agency', 'one', id],
    queryFn: async () => (await api['multi-agency'][':id'].$get({ param: { id } })).json(),
  });
  const m = query.data;
  if (!m) return <QueryState error={query.error} />;
  return (
    <Page
      title={`${m.person.name}（${t.multiAgency.listTitle}）`}
      lead={fill(t.cases.case.caseNumber, { number: m.caseNumber })}
    >
      {m.basis === 'consent' && <Notice tone="info" title={t.multiAgency.basisConsent} />}
      {session.can('case.read') && (
        <p className="mb-6">
          <Link to={`/cases/${m.caseId}/multi_agency`}>{t.cases.case.tabs.multi_agency}</Link>
        </p>
      )}
      <MultiAgencyCase m={m} caseId={m.caseId} sittings={[]} />
    </Page>
  );
}
