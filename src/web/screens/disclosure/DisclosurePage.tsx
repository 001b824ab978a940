import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { caseStatusLabels } from '../../../domain/cases/case-status';
import { planStatusLabels } from '../../../domain/cases/plan-status';
import {
  assessmentDomainLabels,
  consultationTopicLabels,
  contactModeLabels,
  detectionSourceLabels,
  emergencyKindLabels,
  emergencyOutcomeLabels,
  employmentTypeLabels,
  evaluationDecisionLabels,
  goalAchievementLabels,
  healthInsuranceLabels,
  housingStatusLabels,
  improvementItemLabels,
  pensionStatusLabels,
  prognosisLabels,
  relationshipLabels,
  routeInLabels,
  sensitiveCategoryLabels,
  serviceClassLabels,
  sexLabels,
  statutoryProgrammeLabels,
  terminationReasonLabels,
  triageOutcomeLabels,
  urgencyLabels,
  workStatusLabels,
} from '../../../domain/cases/vocabulary';
import { itemDecisionLabels, itemKindLabels } from '../../../domain/meetings/agenda';
import { meetingTypeRules } from '../../../domain/meetings/meeting-types';
import {
  multiAgencyStatusLabels,
  reviewOutcomeLabels,
} from '../../../domain/multi-agency/multi-agency-case';
import {
  escalationTargetLabels,
  outreachChannelLabels,
  outreachOutcomeLabels,
} from '../../../domain/participation/outreach';
import {
  followUpPartyLabels,
  matchStatusLabels,
} from '../../../domain/participation/participation';
import {
  partnerActivityKindLabels,
  referralEventLabels,
  referralStatusLabels,
} from '../../../domain/referrals/referral-status';
import { participationKindLabels } from '../../../domain/resources/vocabulary';
import { ageOn, formatWareki, todayInJapan } from '../../../domain/text/wareki';
import type { DisclosureView } from '../../../server/persons/disclose-person';
import { api, download } from '../../api/client';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/Loading';
import { Grid, Heading, PrintFrame } from '../../components/PrintParts';
import { formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { purposeLabels } from '../cases/ConsentTab';

type CaseEntry = DisclosureView['cases'][number];
type Names = DisclosureView['names'];

/** 和暦 dates, as the office's documents print them. */
const w = (iso: string | null | undefined) => (iso ? formatWareki(iso) : '');
const span = (from: string | null, to: string | null) =>
  from || to ? `${w(from)} 〜 ${w(to)}` : '';
const name = (map: Record<string, string>, id: string | null | undefined) =>
  id ? (map[id] ?? '') : '';

/** A table of one section; an empty section says so. */
function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="mb-3 pl-2">{t.disclosure.none}</p>;
  return (
    <table className="mb-3 w-full border-collapse text-[9.5pt]">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} className="border border-black bg-solid-gray-50 px-1 text-left font-normal">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          // Rows have no identity of their own in a printed table; their order is fixed.
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are read-only and never reorder.
          <tr key={i} className="break-inside-avoid align-top">
            {cells.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns.
              <td key={j} className="whitespace-pre-wrap border border-black px-1">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="mt-2 mb-1 text-[10.5pt] font-bold">{children}</h3>;
}

function CaseSection({ entry, names }: { entry: CaseEntry; names: Names }) {
  const { t, label, lang } = useI18n();
  const d = t.disclosure;
  const c = entry.case;
  const staff = (id: string | null | undefined) => name(names.staff, id);
  const partner = (id: string | null | undefined) => name(names.partnerAgencies, id);
  const dt = (moment: string | null | undefined) => formatDateTime(moment, lang);
  const i = entry.intake;
  const det = entry.detection;
  return (
    <section className="break-before-page" data-testid="disclosure-case">
      <h2 className="mt-4 mb-2 border-b-2 border-black pb-1 text-[13pt] font-bold">
        {fill(d.kase.section, { number: c.caseNumber })}
      </h2>
      <Grid
        rows={[
          [d.kase.number, c.caseNumber],
          [d.kase.status, label(caseStatusLabels[c.status])],
          [d.kase.agency, name(names.supportAgencies, c.supportAgencyId)],
          [d.kase.lead, staff(c.leadWorkerId)],
          [d.kase.team, entry.team.map((m) => staff(m.userId)).join('、')],
          [d.kase.district, name(names.districts, c.districtId)],
          [d.kase.openedOn, w(c.openedOn)],
          [d.kase.intakeOn, w(c.intakeOn)],
          [d.kase.closedOn, w(c.closedOn)],
        ]}
      />

      <Heading>{d.history.section}</Heading>
      <Table
        head={[d.history.at, d.history.change, d.history.by, d.history.reason]}
        rows={entry.statusHistory.map((h) => [
          dt(h.occurredAt),
          `${h.fromStatus ? label(caseStatusLabels[h.fromStatus]) : ''} → ${label(caseStatusLabels[h.toStatus])}`,
          staff(h.actorUserId),
          h.reason ?? '',
        ])}
      />

      <Heading>{d.detection.section}</Heading>
      {det ? (
        <Grid
          rows={[
            [d.detection.detectedOn, w(det.detectedOn)],
            [
              d.detection.source,
              `${label(detectionSourceLabels[det.source])}${det.sourceDetail ? `（${det.sourceDetail}）` : ''}`,
            ],
            [d.detection.signs, det.signs ?? ''],
            [d.detection.approachPlan, det.approachPlan ?? ''],
          ]}
        />
      ) : (
        <p className="mb-3 pl-2">{d.none}</p>
      )}

      {entry.communityIssues.length > 0 && (
        <>
          <Heading>{d.community.section}</Heading>
          <Table
            head={[
              d.community.noticedOn,
              d.community.place,
              d.community.description,
              d.community.passed,
            ]}
            rows={entry.communityIssues.map((i) => [
              w(i.noticedOn),
              [i.baseName, i.activityName].filter(Boolean).join('・'),
              i.description,
              [w(i.passedOn), i.passNote ?? ''].filter(Boolean).join('\n'),
            ])}
          />
        </>
      )}

      <Heading>{d.intake.section}</Heading>
      {i ? (
        <Grid
          rows={[
            [d.intake.receivedOn, w(i.receivedOn)],
            [d.intake.receivedBy, staff(i.receivedBy)],
            [
              d.intake.routeIn,
              `${label(routeInLabels[i.routeIn])}${i.routeDetail ? `（${i.routeDetail}）` : ''}`,
            ],
            [
              d.intake.topics,
              i.topics
                .map((topic) => label(consultationTopicLabels[topic]))
                .concat(i.topicOther ? [i.topicOther] : [])
                .join('、'),
            ],
            [d.intake.mainTopic, label(consultationTopicLabels[i.mainTopic])],
            [d.intake.consultationText, i.consultationText ?? ''],
            [d.intake.wishes, i.wishes ?? ''],
            [
              d.intake.visitor,
              i.visitorName
                ? `${i.visitorName}（${i.visitorRelation ?? ''}）${i.visitorPhone ?? ''}`
                : '',
            ],
            [
              d.intake.status,
              [
                i.workStatus && label(workStatusLabels[i.workStatus]),
                i.housingStatus && label(housingStatusLabels[i.housingStatus]),
                i.healthInsurance && label(healthInsuranceLabels[i.healthInsurance]),
                i.pensionStatus && label(pensionStatusLabels[i.pensionStatus]),
              ]
                .filter(Boolean)
                .join('／'),
            ],
            [d.intake.urgency, label(urgencyLabels[i.urgency])],
            [d.intake.triage, i.triageOutcome ? label(triageOutcomeLabels[i.triageOutcome]) : ''],
            [d.intake.triagedOn, w(i.triagedOn)],
            [d.intake.triageNote, i.triageNote ?? ''],
          ]}
        />
      ) : (
        <p className="mb-3 pl-2">{d.none}</p>
      )}

      <Heading>{d.consent.section}</Heading>
      <Table
        head={[
          d.consent.givenOn,
          d.consent.signedBy,
          d.consent.scope,
          d.consent.purposes,
          d.consent.withdrawn,
        ]}
        rows={entry.consents.map((k) => [
          w(k.givenOn),
          k.signedBy === 'proxy'
            ? fill(d.consent.proxy, { name: k.proxyName ?? '', relation: k.proxyRelation ?? '' })
            : d.consent.person,
          k.allAgencies ? d.consent.allAgencies : k.partnerAgencyIds.map(partner).join('、'),
          k.purposes
            .map((p) => label(purposeLabels[p]))
            .concat(k.purposeOther ? [k.purposeOther] : [])
            .join('、'),
          k.withdrawnOn
            ? fill(d.consent.withdrawnValue, {
                date: w(k.withdrawnOn),
                reason: k.withdrawalReason ?? '',
              })
            : '',
        ])}
      />

      <Heading>{d.emergency.section}</Heading>
      <Table
        head={[
          d.emergency.kind,
          d.emergency.requestedOn,
          d.emergency.period,
          d.emergency.outcome,
          d.emergency.detail,
        ]}
        rows={entry.emergencies.map((e) => [
          `${label(emergencyKindLabels[e.kind])}${e.kindOther ? `（${e.kindOther}）` : ''}`,
          w(e.requestedOn),
          span(e.startedOn, e.endedOn),
          label(emergencyOutcomeLabels[e.outcome]),
          e.detail ?? '',
        ])}
      />

      <Heading>{d.assessment.section}</Heading>
      {entry.assessments.length === 0 && <p className="mb-3 pl-2">{d.none}</p>}
      {entry.assessments.map((a) => (
        <div key={a.id}>
          <SubHeading>{fill(d.assessment.version, { n: a.versionNo })}</SubHeading>
          <Grid
            rows={[
              [d.assessment.assessedOn, w(a.assessedOn)],
              [
                d.assessment.status,
                a.status === 'completed' ? d.assessment.completed : d.assessment.draft,
              ],
              [d.assessment.strengths, a.strengths ?? ''],
              [d.assessment.prognosis, a.prognosis ? label(prognosisLabels[a.prognosis]) : ''],
              [d.assessment.workerView, a.workerView ?? ''],
              [d.assessment.chiefReview, a.chiefReview ?? ''],
            ]}
          />
          <Table
            head={[
              d.assessment.domain,
              d.assessment.situation,
              d.assessment.issues,
              d.assessment.factors,
            ]}
            rows={a.domains.map((m) => [
              label(assessmentDomainLabels[m.domain]),
              m.situation ?? '',
              m.issues ?? '',
              [m.directFactors, m.indirectFactors].filter(Boolean).join('\n'),
            ])}
          />
        </div>
      ))}

      <Heading>{d.plan.section}</Heading>
      {entry.plans.length === 0 && <p className="mb-3 pl-2">{d.none}</p>}
      {entry.plans.map((p) => (
        <div key={p.id}>
          <SubHeading>{fill(d.plan.title, { no: p.planNo, rev: p.revision })}</SubHeading>
          <Grid
            rows={[
              [d.plan.status, label(planStatusLabels[p.status])],
              [d.plan.period, span(p.periodStart, p.periodEnd)],
              [d.plan.longTermGoal, p.longTermGoal ?? ''],
              [d.plan.personWords, p.personWords ?? ''],
              [d.plan.employmentTarget, p.employmentSupportTarget ? d.yes : d.no],
              [
                d.plan.programmes,
                p.programmes.map((g) => label(statutoryProgrammeLabels[g])).join('、'),
              ],
              [d.plan.changeReason, p.changeReason ?? ''],
              [d.plan.adoptedOn, w(p.adoptedOn)],
              [
                d.plan.decision,
                p.decision
                  ? `${d.plan.decisionKind[p.decision.kind]}　${w(p.decision.decidedOn)}　${staff(p.decision.decidedBy)}`
                  : '',
              ],
            ]}
          />
          <SubHeading>{d.plan.goals}</SubHeading>
          <Table
            head={[d.plan.goal, d.plan.indicator]}
            rows={p.goals.map((g) => [g.goal, g.indicator ?? ''])}
          />
          <SubHeading>{d.plan.services}</SubHeading>
          <Table
            head={[d.plan.service, d.plan.provider, d.plan.serviceClass, d.plan.frequency]}
            rows={p.services.map((s) => [
              s.content,
              s.socialResourceName ?? s.providerName ?? partner(s.providerPartnerAgencyId),
              label(serviceClassLabels[s.serviceClass]),
              s.frequency ?? '',
            ])}
          />
          <SubHeading>{d.plan.monitoring}</SubHeading>
          <Table
            head={[d.plan.dueOn, d.plan.doneOn, d.plan.progress]}
            rows={p.monitoring.map((m) => [w(m.dueOn), w(m.doneOn), m.progress ?? ''])}
          />
          <SubHeading>{d.plan.evaluations}</SubHeading>
          <Table
            head={[
              d.plan.evaluatedOn,
              d.plan.outcome,
              d.plan.goalAchievement,
              d.plan.evaluationDecision,
            ]}
            rows={p.evaluations.map((e) => [
              w(e.evaluatedOn),
              [
                e.employed
                  ? `${d.plan.employed}${e.employmentType ? `（${label(employmentTypeLabels[e.employmentType])}）` : ''}`
                  : '',
                e.incomeIncreased ? d.plan.incomeIncreased : '',
                ...e.improvements.map((m) => label(improvementItemLabels[m])),
              ]
                .filter(Boolean)
                .join('、'),
              e.goals
                .map(
                  (g) =>
                    `${p.goals.find((x) => x.id === g.planGoalId)?.goal ?? ''}：${label(
                      // presentEvaluation hands the achievement on as text; it is one of these.
                      goalAchievementLabels[g.achievement as keyof typeof goalAchievementLabels],
                    )}`,
                )
                .join('\n'),
              label(evaluationDecisionLabels[e.decision]),
            ])}
          />
        </div>
      ))}

      <Heading>{d.contacts.section}</Heading>
      <Table
        head={[
          d.contacts.at,
          d.contacts.mode,
          d.contacts.summary,
          d.contacts.judgement,
          d.contacts.recordedBy,
        ]}
        rows={entry.contacts.map((r) => [
          dt(r.occurredAt),
          `${label(contactModeLabels[r.mode])}${r.reached ? '' : `（${d.contacts.notReached}）`}`,
          [
            r.outreachChannel && r.outreachOutcome
              ? fill(d.contacts.outreach, {
                  channel: label(outreachChannelLabels[r.outreachChannel]),
                  outcome: label(outreachOutcomeLabels[r.outreachOutcome]),
                })
              : '',
            r.summary,
            r.personState ?? '',
            r.nextStep ?? '',
          ]
            .filter(Boolean)
            .join('\n'),
          r.judgement ?? '',
          staff(r.recordedBy),
        ])}
      />

      <Heading>{d.escalations.section}</Heading>
      <Table
        head={[
          d.escalations.observedAt,
          d.escalations.observed,
          d.escalations.escalatedTo,
          d.escalations.response,
        ]}
        rows={entry.escalations.map((e) => [
          dt(e.observedAt),
          e.observed,
          `${label(escalationTargetLabels[e.escalatedTo])}${
            e.partnerAgencyId || e.escalatedToName
              ? `（${partner(e.partnerAgencyId) || e.escalatedToName}）`
              : ''
          }　${dt(e.escalatedAt)}`,
          e.response ?? '',
        ])}
      />

      <Heading>{d.closures.section}</Heading>
      <Table
        head={[d.closures.kind, d.closures.decidedOn, d.closures.reason, d.closures.followUp]}
        rows={entry.closures.map((k) => [
          k.kind === 'termination' ? d.closures.termination : d.closures.interruption,
          w(k.decidedOn),
          [k.reason ? label(terminationReasonLabels[k.reason]) : '', k.reasonDetail ?? '']
            .filter(Boolean)
            .join('\n'),
          k.followUp
            ? [staff(k.followUpBy), k.followUpMethod ?? '', w(k.followUpUntil)]
                .filter(Boolean)
                .join('　')
            : '',
        ])}
      />

      <Heading>{d.referrals.section}</Heading>
      <Table
        head={[
          d.referrals.referredOn,
          d.referrals.to,
          d.referrals.reason,
          d.referrals.status,
          d.referrals.history,
        ]}
        rows={entry.referrals.map((r) => [
          w(r.referredOn),
          partner(r.partnerAgencyId) || r.destinationName || '',
          [r.reason ?? '', r.handOverSummary ? `${d.referrals.handOver}：${r.handOverSummary}` : '']
            .filter(Boolean)
            .join('\n'),
          label(referralStatusLabels[r.status]),
          [
            ...r.events.map((e) => `${dt(e.occurredAt)} ${label(referralEventLabels[e.event])}`),
            ...r.partnerActivities.map(
              (a) => `${w(a.occurredOn)} ${label(partnerActivityKindLabels[a.kind])}：${a.summary}`,
            ),
          ].join('\n'),
        ])}
      />
      {entry.partnerActivities.length > 0 && (
        <>
          <SubHeading>{d.referrals.partnerActivities}</SubHeading>
          <Table
            head={[d.referrals.referredOn, d.referrals.to, d.referrals.activities]}
            rows={entry.partnerActivities.map((a) => [
              w(a.occurredOn),
              partner(a.partnerAgencyId),
              `${label(partnerActivityKindLabels[a.kind])}：${a.summary}`,
            ])}
          />
        </>
      )}

      <Heading>{d.attachments.section}</Heading>
      <Table
        head={[
          d.attachments.fileName,
          d.attachments.mediaType,
          d.attachments.size,
          d.attachments.uploadedAt,
        ]}
        rows={entry.attachments.map((a) => [
          a.fileName,
          a.mediaType,
          fill(d.attachments.bytes, { n: a.sizeBytes.toLocaleString('ja-JP') }),
          dt(a.uploadedAt),
        ])}
      />

      <Heading>{d.meetings.section}</Heading>
      <Table
        head={[
          d.meetings.heldOn,
          d.meetings.body,
          d.meetings.kind,
          d.meetings.decision,
          d.meetings.discussion,
          d.meetings.guests,
        ]}
        rows={entry.meetingItems.map((m) => [
          w(m.meetingHeldOn),
          `${m.bodyName}（${label(meetingTypeRules[m.bodyType])}）`,
          label(itemKindLabels[m.kind]),
          [m.decision ? label(itemDecisionLabels[m.decision]) : '', m.decisionNote ?? '']
            .filter(Boolean)
            .join('\n'),
          [
            m.summary ?? '',
            m.discussion ?? '',
            ...m.homework.map(
              (h) =>
                `${d.meetings.homework}：${h.description}（${h.ownerName ?? ''}${h.dueOn ? `・${w(h.dueOn)}` : ''}）`,
            ),
          ]
            .filter(Boolean)
            .join('\n'),
          m.guests.map((g) => g.name ?? '').join('、'),
        ])}
      />
      {entry.withheldMeetingItems > 0 && (
        <p className="mb-3 pl-2">{fill(d.meetings.withheld, { n: entry.withheldMeetingItems })}</p>
      )}

      <Heading>{d.multiAgency.section}</Heading>
      {entry.multiAgency.length === 0 && <p className="mb-3 pl-2">{d.none}</p>}
      {entry.multiAgency.map((m) => (
        <div key={m.id}>
          <Grid
            rows={[
              [d.multiAgency.status, label(multiAgencyStatusLabels[m.status])],
              [d.multiAgency.referredOn, `${w(m.referredOn)}　${m.referrer?.name ?? ''}`],
              [d.multiAgency.referralReason, m.referralReason],
              [d.multiAgency.coordinator, m.coordinatorName ?? ''],
              [
                d.multiAgency.plan,
                [m.plan.situation, m.plan.issues, m.plan.goal, m.plan.policy]
                  .filter(Boolean)
                  .join('\n'),
              ],
              [
                d.multiAgency.ended,
                m.endedOn ? `${w(m.endedOn)}　${m.endReason ?? ''}　${m.carrier?.name ?? ''}` : '',
              ],
            ]}
          />
          <SubHeading>{d.multiAgency.members}</SubHeading>
          <Table
            head={[d.multiAgency.members, d.multiAgency.lead, d.participation.period]}
            rows={m.members.map((a) => [
              `${a.agency.name}：${a.role}`,
              a.lead ? d.yes : '',
              span(a.joinedOn, a.leftOn),
            ])}
          />
          <SubHeading>{d.multiAgency.reviews}</SubHeading>
          <Table
            head={[d.meetings.heldOn, d.meetings.body, d.meetings.decision]}
            rows={m.reviews.map((r) => [
              w(r.reviewedOn),
              r.meetingName ?? '',
              [label(reviewOutcomeLabels[r.outcome]), r.note ?? ''].filter(Boolean).join('\n'),
            ])}
          />
        </div>
      ))}

      <Heading>{d.participation.section}</Heading>
      <Table
        head={[
          d.participation.place,
          d.participation.kind,
          d.participation.status,
          d.participation.proposedOn,
          d.participation.period,
          d.participation.followUps,
        ]}
        rows={entry.participation.map((p) => [
          p.socialResourceName,
          label(participationKindLabels[p.kind]),
          label(matchStatusLabels[p.status]),
          w(p.proposedOn),
          span(p.startedOn ?? p.trialStartedOn, p.endedOn),
          p.followUps
            .map((f) => `${w(f.followedOn)}（${label(followUpPartyLabels[f.withWhom])}）${f.note}`)
            .join('\n'),
        ])}
      />

      <Heading>{d.districts.section}</Heading>
      <Table
        head={[d.districts.district, d.districts.from, d.districts.to]}
        rows={entry.districtHistory.map((h) => [
          name(names.districts, h.districtId) || d.districts.unknown,
          w(h.validFrom),
          w(h.validTo),
        ])}
      />
    </section>
  );
}

function DisclosureDocument({ view }: { view: DisclosureView }) {
  const { t, label, lang } = useI18n();
  const [search] = useSearchParams();
  const [failed, setFailed] = useState(false);
  const d = t.disclosure;
  const c = t.cases.person;
  const p = view.person;
  const backCase = search.get('case') ?? view.cases.at(-1)?.case.id;
  return (
    <PrintFrame
      title={d.title}
      back={{ to: backCase ? `/cases/${backCase}/person` : '/cases', label: d.back }}
      notice={p.sensitiveCategories.length > 0 ? d.sensitiveNotice : undefined}
    >
      <div className="no-print mb-4">
        <Button
          variant="secondary"
          onClick={() => {
            setFailed(false);
            download(`/api/persons/${p.id}/disclosure?download=1`, 'disclosure.json').catch(() =>
              setFailed(true),
            );
          }}
        >
          {d.download}
        </Button>
        {failed && (
          <p role="alert" className="mt-2 text-error-1">
            {d.downloadFailed}
          </p>
        )}
      </div>
      <p className="mb-3">{d.intro}</p>

      <Heading>{d.about.section}</Heading>
      <Grid
        rows={[
          [d.about.municipality, view.municipality.name],
          [d.about.generatedAt, formatDateTime(view.generatedAt, lang)],
          [d.about.generatedBy, view.generatedBy.name],
          [d.about.scope, fill(d.about.scopeValue, { n: view.cases.length })],
          [d.about.formatVersion, `${view.format} v${view.formatVersion}`],
        ]}
      />

      <Heading>{d.person.section}</Heading>
      <Grid
        rows={[
          [c.name, p.name],
          [c.nameKana, p.nameKana ?? ''],
          [c.sex, p.sex ? label(sexLabels[p.sex]) : ''],
          [
            c.birthDate,
            p.birthDate
              ? `${w(p.birthDate)}（${fill(c.ageValue, { age: ageOn(p.birthDate, todayInJapan()) })}）`
              : '',
          ],
          [
            c.address,
            `${p.postalCode ? `〒${p.postalCode}　` : ''}${[p.addressPrefecture, p.addressCity, p.addressStreet, p.addressBuilding].filter(Boolean).join('')}`,
          ],
          [d.person.district, name(view.names.districts, p.districtId)],
          [
            c.phones,
            [
              p.phoneHome && `${c.phoneHome}　${p.phoneHome}`,
              p.phoneMobile && `${c.phoneMobile}　${p.phoneMobile}`,
            ]
              .filter(Boolean)
              .join('\n'),
          ],
          [c.email, p.email ?? ''],
          [d.person.safeContact, p.safeContact ?? ''],
          [
            d.person.sensitive,
            p.sensitiveCategories.map((s) => label(sensitiveCategoryLabels[s])).join('、'),
          ],
          [d.person.createdAt, formatDateTime(p.createdAt, lang)],
          [d.person.updatedAt, formatDateTime(p.updatedAt, lang)],
        ]}
      />

      <Heading>{d.household.section}</Heading>
      <Table
        head={[
          d.household.name,
          d.household.relationship,
          d.household.sex,
          d.household.birth,
          d.household.livesTogether,
          d.household.situation,
          d.household.agencies,
        ]}
        rows={view.household.map((m) => [
          `${m.name}${m.nameKana ? `（${m.nameKana}）` : ''}`,
          label(relationshipLabels[m.relationship]),
          m.sex ? label(sexLabels[m.sex]) : '',
          m.birthDate ? w(m.birthDate) : m.age !== null ? `${m.age}歳` : '',
          m.livesTogether ? d.yes : d.no,
          m.situation ?? '',
          m.agencies
            .map(
              (a) =>
                `${name(view.names.partnerAgencies, a.partnerAgencyId)}${a.note ? `（${a.note}）` : ''}`,
            )
            .join('\n'),
        ])}
      />

      {view.cases.map((entry) => (
        <CaseSection key={entry.case.id} entry={entry} names={view.names} />
      ))}

      <section className="break-before-page">
        <Heading>{d.provisions.section}</Heading>
        <p className="mb-2">{d.provisions.lead}</p>
        <Table
          head={[
            d.provisions.on,
            d.provisions.caseNumber,
            d.provisions.kind,
            d.provisions.recipients,
            d.provisions.basis,
          ]}
          rows={view.provisions.map((r) => [
            w(r.on),
            r.caseNumber,
            d.provisions.kinds[r.kind],
            [
              r.kind === 'consent' && r.recipients.length === 0
                ? t.disclosure.consent.allAgencies
                : r.recipients.join('、'),
              r.escalatedTo ? label(escalationTargetLabels[r.escalatedTo]) : '',
            ]
              .filter(Boolean)
              .join('　'),
            r.basis ? d.provisions.bases[r.basis] : '',
          ])}
        />
      </section>
    </PrintFrame>
  );
}

/**
 * 保有個人情報開示資料: everything held on one person, printed on A4 for a request for disclosure,
 * and the same as a JSON file. Opening it is a disclosure: the server records it.
 */
export function DisclosurePage() {
  const params = useParams();
  const id = params.id ?? '';
  const query = useQuery({
    queryKey: ['disclosure', id],
    queryFn: async () =>
      (await api.persons[':id'].disclosure.$get({ param: { id }, query: {} })).json(),
    // Each opening is a disclosure of its own, audited: never refetched behind the user's back.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
  if (!query.data) return <QueryState error={query.error} />;
  return <DisclosureDocument view={query.data as DisclosureView} />;
}
