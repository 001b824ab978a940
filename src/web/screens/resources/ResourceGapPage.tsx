import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { resourceGapStatusLabels } from '../../../domain/resources/resource-gap-status';
import { resourceCategoryLabels } from '../../../domain/resources/vocabulary';
import { api } from '../../api/client';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { GapStepForm } from './GapStepForm';

/**
 * One local issue: what is missing, where it was raised, how far it has come (every step with
 * who, when and the note), the cases it affects — those one may see — and the resource built.
 */
export function ResourceGapPage() {
  const { t, label, lang } = useI18n();
  const g = t.resources.gaps;
  const { id = '' } = useParams();
  const location = useLocation();
  const query = useQuery({
    queryKey: ['resource-gaps', id],
    queryFn: async () => (await api['resource-gaps'][':id'].$get({ param: { id } })).json(),
  });
  if (!query.data) return <QueryState error={query.error} />;
  const gap = query.data;
  const raised = (location.state as { raised?: boolean } | null)?.raised;
  return (
    <Page title={g.detailTitle} lead={gap.description}>
      {raised && gap.status === 'raised' && <Notice tone="success" title={g.raised} />}
      <dl
        className="mb-8 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2"
        data-testid="gap-facts"
      >
        <dt className="text-solid-gray-700">{g.status}</dt>
        <dd data-testid="gap-status" className="text-std-17B-170">
          {label(resourceGapStatusLabels[gap.status])}
        </dd>
        <dt className="text-solid-gray-700">{g.raisedBy}</dt>
        <dd>
          {gap.raisedBy?.name ?? '—'}（{formatDateTime(gap.raisedAt, lang)}）
        </dd>
        <dt className="text-solid-gray-700">{g.fromMeeting}</dt>
        <dd>
          {gap.meeting ? (
            <Link to={`/meetings/${gap.meeting.id}`}>
              {gap.meeting.seriesName}（{formatDate(gap.meeting.heldOn, lang)}）
            </Link>
          ) : gap.fromMeeting ? (
            g.meetingHidden
          ) : (
            g.byHand
          )}
        </dd>
        {gap.resource && (
          <>
            <dt className="text-solid-gray-700">{g.resource}</dt>
            <dd data-testid="gap-resource">
              <Link to={`/resources/${gap.resource.id}`}>{gap.resource.name}</Link>
              {gap.resource.category && (
                <span className="ml-2 text-solid-gray-700">
                  {label(resourceCategoryLabels[gap.resource.category])}・
                  {gap.resource.serviceClass}
                </span>
              )}
            </dd>
          </>
        )}
        {gap.closedReason && (
          <>
            <dt className="text-solid-gray-700">{g.closedReason}</dt>
            <dd className="whitespace-pre-wrap">{gap.closedReason}</dd>
          </>
        )}
      </dl>
      <Section title={g.affectedCases}>
        {gap.cases.length === 0 && gap.hiddenCaseCount === 0 && <p>{g.noCases}</p>}
        <ul className="list-disc pl-6" data-testid="gap-affected-cases">
          {gap.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>
                {c.caseNumber} {c.personName}
              </Link>
            </li>
          ))}
        </ul>
        {gap.hiddenCaseCount > 0 && (
          <p className="mt-2 text-solid-gray-700">
            {fill(g.hiddenCases, { count: gap.hiddenCaseCount })}
          </p>
        )}
      </Section>
      <Section title={g.history}>
        <ol className="border-l-2 border-solid-gray-300 pl-4" data-testid="gap-history">
          {gap.history.map((h) => (
            <li key={`${h.step}-${h.occurredAt}`} className="mb-3">
              <p className="text-std-16B-170">
                {h.step === 'raise' ? g.historyRaise : label(resourceGapStatusLabels[h.toStatus])}
              </p>
              <p className="text-dns-14N-130 text-solid-gray-700">
                {formatDateTime(h.occurredAt, lang)}　{h.actorName ?? ''}
              </p>
              {h.note && <p className="whitespace-pre-wrap">{h.note}</p>}
            </li>
          ))}
        </ol>
      </Section>
      {gap.abilities.steps.length > 0 ? (
        <GapStepForm key={gap.version} gap={gap} />
      ) : (
        <p className="text-solid-gray-700">{g.ended}</p>
      )}
    </Page>
  );
}
