import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { caseStatusLabels } from '../../../domain/cases/case-status';
import {
  assessmentDomainLabels,
  consultationTopicLabels,
  contactModeLabels,
  serviceClassLabels,
} from '../../../domain/cases/vocabulary';
import { itemKindLabels } from '../../../domain/meetings/agenda';
import { formatWareki } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { QueryState } from '../../components/Loading';
import { Grid, Heading } from '../../components/PrintParts';
import { formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { Handout } from './MeetingPrintPage';

/**
 * The per-case meeting sheet: only what the meeting needs — age, not the birth date; no address
 * or telephone; nothing from the tax records at a 支援会議 (the server leaves it out).
 */
export function ItemSheetPage() {
  const { id = '', itemId = '' } = useParams();
  const { t, label, lang } = useI18n();
  const p = t.meetings.print;
  const query = useQuery({
    queryKey: ['meeting-item-sheet', id, itemId],
    queryFn: async () =>
      (await api.meetings[':id'].items[':itemId'].sheet.$get({ param: { id, itemId } })).json(),
  });
  const sheet = query.data;
  if (!sheet) return <QueryState error={query.error} />;
  const { meeting, item, person, plan } = sheet;
  const kase = sheet.case;
  return (
    <Handout
      title={fill(p.sheetTitle, { body: meeting.bodyName })}
      meeting={{ id, confidentialityNotice: meeting.confidentialityNotice }}
    >
      <Grid
        rows={[
          [p.held, `${formatWareki(meeting.heldOn)}　${item.start}〜${item.end}`],
          [t.meetings.agenda.kind, label(itemKindLabels[item.kind])],
          [t.meetings.agenda.reporter, item.reporterName ?? ''],
          [t.meetings.agenda.guests, item.guests.map((g) => g.name).join('、')],
        ]}
      />
      <Heading>{p.person}</Heading>
      <Grid
        rows={[
          [t.cases.person.name, `${person.name}${person.nameKana ? `（${person.nameKana}）` : ''}`],
          [t.cases.person.age, person.age === null ? '' : fill(p.age, { age: person.age })],
          [t.meetings.agenda.case, `${kase.caseNumber}　${label(caseStatusLabels[kase.status])}`],
          [
            p.topics,
            [
              ...kase.topics.map((x) =>
                x === kase.mainTopic
                  ? `◎${label(consultationTopicLabels[x])}`
                  : label(consultationTopicLabels[x]),
              ),
              kase.topicOther ?? '',
            ]
              .filter(Boolean)
              .join('、'),
          ],
          [p.summary, item.summaryWithheld ? '' : (item.summary ?? '')],
        ]}
      />
      {kase.issues && kase.issues.domains.length > 0 && (
        <>
          <Heading>
            {p.issues}（{formatWareki(kase.issues.assessedOn)}）
          </Heading>
          <Grid
            rows={kase.issues.domains.map((d) => [
              label(assessmentDomainLabels[d.domain]),
              d.issues,
            ])}
          />
        </>
      )}
      {plan && (
        <>
          <Heading>{p.goals}</Heading>
          <Grid
            rows={[
              [t.cases.plan.longTermGoal, plan.longTermGoal ?? ''],
              ...plan.goals.map((g, i): [string, string] => [
                `${i + 1}`,
                `${g.goal}${g.indicator ? `（${g.indicator}）` : ''}`,
              ]),
            ]}
          />
          {plan.services.length > 0 && (
            <>
              <Heading>{p.services}</Heading>
              <Grid
                rows={plan.services.map((s, i): [string, string] => [
                  `${i + 1}　${s.serviceClass ? label(serviceClassLabels[s.serviceClass]) : ''}`,
                  `${s.content}${s.provider ? `／${s.provider}` : ''}${s.frequency ? `／${s.frequency}` : ''}`,
                ])}
              />
            </>
          )}
        </>
      )}
      <Heading>{p.contacts}</Heading>
      <Grid
        rows={sheet.contacts.map((c): [string, string] => [
          `${formatDateTime(c.occurredAt, lang)}　${label(contactModeLabels[c.mode])}`,
          c.summary,
        ])}
      />
      {sheet.withheldTaxRecords > 0 && (
        <p className="text-[9pt]" data-testid="withheld-tax">
          {fill(p.withheld, { count: sheet.withheldTaxRecords })}
        </p>
      )}
    </Handout>
  );
}
