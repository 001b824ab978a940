import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { fill, useI18n } from '../../i18n/i18n';
import { MultiAgencyCase } from './MultiAgencyTab';
import { PartnerMultiAgencyCase } from './PartnerMultiAgencyCase';

/**
 * One multi-agency case on its own page. Partner staff of an agency involved read the partner's
 * view within the person's consent — roles, lead, joint plan, review dates; no case number or
 * household roster. Staff who see the case read it whole, and work it on the case's 多機関協働 tab.
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
  const title = `${m.person.name}（${t.multiAgency.listTitle}）`;
  if (m.basis === 'consent') {
    return (
      <Page title={title}>
        <Notice tone="info" title={t.multiAgency.basisConsent} />
        <PartnerMultiAgencyCase m={m} />
      </Page>
    );
  }
  return (
    <Page title={title} lead={fill(t.cases.case.caseNumber, { number: m.caseNumber })}>
      {session.can('case.read') && (
        <p className="mb-6">
          <Link to={`/cases/${m.caseId}/multi_agency`}>{t.cases.case.tabs.multi_agency}</Link>
        </p>
      )}
      <MultiAgencyCase m={m} caseId={m.caseId} sittings={[]} />
    </Page>
  );
}
