import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  assessmentDomainLabels,
  consultationTopicLabels,
  consultationTopics,
  contactModeLabels,
  employmentTypeLabels,
  evaluationDecisionLabels,
  goalAchievementLabels,
  healthInsuranceLabels,
  housingStatusLabels,
  improvementItemLabels,
  informationSourceLabels,
  pensionStatusLabels,
  prognosisLabels,
  relationshipLabels,
  routeInLabels,
  sexLabels,
  statutoryProgrammeLabels,
  statutoryProgrammes,
  urgencyLabels,
  workStatusLabels,
} from '../../../domain/cases/vocabulary';
import { ageOn, formatWareki, todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/Loading';
import { Grid, Heading, PrintFrame } from '../../components/PrintParts';
import { formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { EcomapSheet } from '../multi-agency/EcomapSheet';
import { type CaseView, useCase, usePartners } from './case-data';

/** 和暦 dates on the forms, as the national forms print them. */
const w = (iso: string | null | undefined) => (iso ? formatWareki(iso) : '');

function Sheet({ title, view, children }: { title: string; view: CaseView; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <PrintFrame
      title={title}
      back={{ to: `/cases/${view.case.id}`, label: t.cases.print.back }}
      notice={view.person.sensitiveCategories.length > 0 ? t.cases.print.sensitive : undefined}
      meta={<>{fill(t.cases.case.caseNumber, { number: view.case.caseNumber })}　</>}
    >
      {children}
    </PrintFrame>
  );
}

function IntakeSheet({ view }: { view: CaseView }) {
  const { t, label } = useI18n();
  const session = useSession();
  const p = view.person;
  const i = view.intake;
  const c = t.cases;
  const mark = (topic: (typeof consultationTopics)[number]) =>
    i?.mainTopic === topic ? '◎' : i?.topics.includes(topic) ? '○' : '　';
  return (
    <Sheet title={c.print.intakeTitle} view={view}>
      <Heading>{c.person.section}</Heading>
      <Grid
        rows={[
          [c.person.nameKana, p.nameKana ?? ''],
          [c.person.name, p.name],
          [c.person.sex, p.sex ? label(sexLabels[p.sex]) : ''],
          [
            c.person.birthDate,
            p.birthDate
              ? `${w(p.birthDate)}（${fill(c.person.ageValue, { age: ageOn(p.birthDate, todayInJapan()) })}）`
              : '',
          ],
          [
            c.person.address,
            `${p.postalCode ? `〒${p.postalCode}　` : ''}${[p.addressPrefecture, p.addressCity, p.addressStreet, p.addressBuilding].filter(Boolean).join('')}`,
          ],
          [
            c.person.phones,
            [
              p.phoneHome && `${c.person.phoneHome}　${p.phoneHome}`,
              p.phoneMobile && `${c.person.phoneMobile}　${p.phoneMobile}`,
            ]
              .filter(Boolean)
              .join('\n'),
          ],
          [c.person.email, p.email ?? ''],
        ]}
      />
      {i && (
        <>
          <Grid
            rows={[
              [c.intake.receivedOn, w(i.receivedOn)],
              [c.intake.receivedBy, i.receivedBy ? (view.staff[i.receivedBy] ?? '') : ''],
              [
                c.intake.routeIn,
                `${label(routeInLabels[i.routeIn])}${i.routeDetail ? `（${i.routeDetail}）` : ''}`,
              ],
              [
                c.intake.visitor,
                i.visitorName
                  ? `${i.visitorName}（${i.visitorRelation ?? ''}）${i.visitorPhone ?? ''}`
                  : '',
              ],
            ]}
          />
          <Heading>{c.intake.topics}</Heading>
          <ul className="mb-3 grid grid-cols-2 gap-x-4 border border-black p-2">
            {consultationTopics.map((topic) => (
              <li key={topic}>
                {mark(topic)} {label(consultationTopicLabels[topic])}
                {topic === 'other' && i.topicOther ? `（${i.topicOther}）` : ''}
              </li>
            ))}
          </ul>
          <Grid
            rows={[
              [c.intake.consultationText, i.consultationText ?? ''],
              [c.intake.wishes, i.wishes ?? ''],
              [c.intake.urgency, label(urgencyLabels[i.urgency])],
              [c.intake.workStatus, i.workStatus ? label(workStatusLabels[i.workStatus]) : ''],
              [
                c.intake.housingStatus,
                i.housingStatus ? label(housingStatusLabels[i.housingStatus]) : '',
              ],
              [
                c.intake.healthInsurance,
                i.healthInsurance ? label(healthInsuranceLabels[i.healthInsurance]) : '',
              ],
              [
                c.intake.pensionStatus,
                i.pensionStatus ? label(pensionStatusLabels[i.pensionStatus]) : '',
              ],
            ]}
          />
        </>
      )}
      <Heading>{c.consent.title}</Heading>
      <div className="border border-black p-2">
        <p>
          {fill(c.print.applicationText, { agency: session.view?.user?.organisation.name ?? '' })}
        </p>
        <p className="mt-4">
          {c.print.date}：
          {view.consents[0] ? w(view.consents[0].givenOn) : '令和　　年　　月　　日'}
          {'　　'}
          {c.print.signature}：＿＿＿＿＿＿＿＿＿＿＿＿
        </p>
      </div>
      {view.household.length > 0 && (
        <>
          <Heading>{c.household.section}</Heading>
          <table className="w-full border-collapse">
            <tbody>
              {view.household.map((m) => (
                <tr key={m.id}>
                  <td className="border border-black px-2">{m.name}</td>
                  <td className="border border-black px-2">
                    {label(relationshipLabels[m.relationship])}
                  </td>
                  <td className="border border-black px-2">
                    {m.birthDate ? w(m.birthDate) : m.age !== null ? `${m.age}歳` : ''}
                  </td>
                  <td className="border border-black px-2">{m.situation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Sheet>
  );
}

function AssessmentSheet({ view, id }: { view: CaseView; id: string | null }) {
  const { t, label } = useI18n();
  const c = t.cases;
  const a = view.assessments.find((x) => x.id === id) ?? view.assessments.at(-1);
  if (!a) return <p>{c.assessment.none}</p>;
  return (
    <Sheet
      title={`${c.print.assessmentTitle}（${fill(c.assessment.versionLabel, { n: a.versionNo })}）`}
      view={view}
    >
      <Grid
        rows={[
          [c.person.name, `${view.person.name}（${view.person.nameKana ?? ''}）`],
          [c.assessment.assessedOn, w(a.assessedOn)],
        ]}
      />
      <table className="mb-3 w-full border-collapse text-[9.5pt]">
        <thead>
          <tr>
            {[
              '',
              c.assessment.situation,
              c.assessment.issues,
              c.assessment.directFactors,
              c.assessment.indirectFactors,
              c.assessment.sources,
            ].map((h) => (
              <th key={h} className="border border-black bg-solid-gray-50 px-1">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {a.domains.map((d) => (
            <tr key={d.domain} className="align-top">
              <th className="border border-black px-1 text-left font-normal">
                {label(assessmentDomainLabels[d.domain])}
              </th>
              <td className="whitespace-pre-wrap border border-black px-1">{d.situation}</td>
              <td className="whitespace-pre-wrap border border-black px-1">{d.issues}</td>
              <td className="whitespace-pre-wrap border border-black px-1">{d.directFactors}</td>
              <td className="whitespace-pre-wrap border border-black px-1">{d.indirectFactors}</td>
              <td className="border border-black px-1">
                {d.sources.map((s) => label(informationSourceLabels[s])).join('・')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Grid
        rows={[
          [c.assessment.strengths, a.strengths ?? ''],
          [c.assessment.prognosis, a.prognosis ? label(prognosisLabels[a.prognosis]) : ''],
          [c.assessment.workerView, a.workerView ?? ''],
          [c.assessment.chiefReview, a.chiefReview ?? ''],
        ]}
      />
    </Sheet>
  );
}

function PlanSheet({ view, id }: { view: CaseView; id: string | null }) {
  const { t, label } = useI18n();
  const c = t.cases;
  const partners = usePartners();
  const planId = id ?? view.plans.at(-1)?.id ?? '';
  const plan = useQuery({
    queryKey: ['plan', planId, 'print'],
    queryFn: async () =>
      (
        await api.cases[':id'].plans[':childId'].$get({
          param: { id: view.case.id, childId: planId },
        })
      ).json(),
    enabled: Boolean(planId),
  });
  const p = plan.data;
  if (!p) return <QueryState error={plan.error} />;
  const member = (mid: string | null) =>
    view.household.find((m) => m.id === mid)?.name ?? c.plan.personSelf;
  return (
    <Sheet
      title={`${c.print.planTitle}（${fill(c.plan.planLabel, { n: p.planNo })}${p.revision ? `・${fill(c.plan.revisionLabel, { n: p.revision })}` : ''}）`}
      view={view}
    >
      <Grid
        rows={[
          [c.person.name, `${view.person.name}（${view.person.nameKana ?? ''}）`],
          [c.plan.period, `${w(p.periodStart)} 〜 ${w(p.periodEnd)}`],
          [c.plan.longTermGoal, p.longTermGoal ?? ''],
          [c.plan.personWords, p.personWords ?? ''],
        ]}
      />
      <Heading>{c.plan.goals}</Heading>
      <table className="mb-3 w-full border-collapse">
        <tbody>
          {p.goals.map((g, i) => (
            <tr key={g.id}>
              <td className="w-8 border border-black px-1 text-center">{i + 1}</td>
              <td className="border border-black px-2">{g.goal}</td>
              <td className="border border-black px-2">{g.indicator}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>{c.plan.services}</Heading>
      <table className="mb-3 w-full border-collapse text-[9.5pt]">
        <thead>
          <tr>
            {[
              c.plan.content,
              c.plan.provider,
              c.plan.member,
              c.plan.serviceClass,
              c.plan.frequency,
              c.plan.period,
            ].map((h) => (
              <th key={h} className="border border-black bg-solid-gray-50 px-1">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.services.map((s) => (
            <tr key={s.id}>
              <td className="border border-black px-1">{s.content}</td>
              <td className="border border-black px-1">
                {s.socialResourceName || partners.name(s.providerPartnerAgencyId) || s.providerName}
              </td>
              <td className="border border-black px-1">{member(s.householdMemberId)}</td>
              <td className="border border-black px-1 text-center">{s.serviceClass}</td>
              <td className="border border-black px-1">{s.frequency}</td>
              <td className="border border-black px-1">
                {w(s.startOn)}
                {s.endOn ? `〜${w(s.endOn)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Grid
        rows={[
          [c.plan.monitoringDates, p.monitoringDates.map(w).join('、')],
          [
            c.plan.programmes,
            statutoryProgrammes
              .map(
                (x) =>
                  `${p.programmes.includes(x) ? '■' : '□'}${label(statutoryProgrammeLabels[x])}`,
              )
              .join('　'),
          ],
          [c.plan.employmentTarget, p.employmentSupportTarget ? t.app.yes : t.app.no],
          [c.plan.budgetPlan, p.budgetPlan ?? ''],
          [c.plan.workReadiness, p.workReadinessProgram ?? ''],
          [
            c.plan.decision,
            p.decision
              ? `${p.decision.kind === 'decision' ? c.plan.decide : c.plan.confirm}（${w(p.decision.decidedOn)}）`
              : '',
          ],
        ]}
      />
      <p className="mt-6">
        {c.print.date}：{p.signatureOn ? w(p.signatureOn) : '令和　　年　　月　　日'}
        {'　　'}
        {c.print.signature}：＿＿＿＿＿＿＿＿＿＿＿＿
      </p>
    </Sheet>
  );
}

function EvaluationSheet({ view, id }: { view: CaseView; id: string | null }) {
  const { t, label } = useI18n();
  const c = t.cases;
  const e = view.evaluations.find((x) => x.id === id) ?? view.evaluations.at(-1);
  const plan = useQuery({
    queryKey: ['plan', e?.planId, 'print'],
    queryFn: async () =>
      (
        await api.cases[':id'].plans[':childId'].$get({
          param: { id: view.case.id, childId: e?.planId ?? '' },
        })
      ).json(),
    enabled: Boolean(e),
  });
  if (!e) return <p>{c.monitoring.none}</p>;
  const goals = plan.data?.goals ?? [];
  return (
    <Sheet title={c.print.evaluationTitle} view={view}>
      <Grid
        rows={[
          [c.person.name, view.person.name],
          [c.monitoring.evaluatedOn, w(e.evaluatedOn)],
        ]}
      />
      <Heading>{c.monitoring.goalAchievement}</Heading>
      <table className="mb-3 w-full border-collapse">
        <tbody>
          {e.goals.map((g) => (
            <tr key={g.planGoalId}>
              <td className="border border-black px-2">
                {goals.find((x) => x.id === g.planGoalId)?.goal}
              </td>
              <td className="w-28 border border-black px-2">
                {label(goalAchievementLabels[g.achievement as keyof typeof goalAchievementLabels])}
              </td>
              <td className="border border-black px-2">{g.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Grid
        rows={[
          [c.monitoring.supportReview, e.supportReview ?? ''],
          [c.monitoring.personView, e.personView ?? ''],
          [
            c.monitoring.employed,
            e.employed
              ? `${w(e.employmentStartedOn)}　${e.employmentType ? label(employmentTypeLabels[e.employmentType]) : ''}`
              : t.app.no,
          ],
          [
            c.monitoring.incomeIncreased,
            e.incomeIncreased ? `${t.app.yes}　${e.incomeNote ?? ''}` : t.app.no,
          ],
          [
            c.monitoring.improvements,
            e.improvements.map((i) => label(improvementItemLabels[i])).join('、'),
          ],
          [c.monitoring.decision, label(evaluationDecisionLabels[e.decision])],
        ]}
      />
    </Sheet>
  );
}

function RecordsSheet({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const r = t.cases.records;
  return (
    <Sheet title={t.cases.print.recordsTitle} view={view}>
      <p className="mb-2">
        {t.cases.person.name}：{view.person.name}（{view.person.nameKana ?? ''}）
      </p>
      <table className="w-full border-collapse text-[9.5pt]">
        <thead>
          <tr>
            {[r.occurredAt, r.mode, r.summary, r.judgement, r.recordedBy].map((h) => (
              <th key={h} className="border border-black bg-solid-gray-50 px-1">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...view.contacts].reverse().map((c) => (
            <tr key={c.id} className="align-top">
              <td className="w-32 border border-black px-1">
                {formatDateTime(c.occurredAt, lang)}
              </td>
              <td className="w-20 border border-black px-1">
                {label(contactModeLabels[c.mode])}
                {!c.reached && `（${r.notReached}）`}
              </td>
              <td className="whitespace-pre-wrap border border-black px-1">
                {c.summary}
                {c.personState ? `\n${r.personState}：${c.personState}` : ''}
                {c.nextStep ? `\n${r.nextStep}：${c.nextStep}` : ''}
              </td>
              <td className="whitespace-pre-wrap border border-black px-1">{c.judgement}</td>
              <td className="w-20 border border-black px-1">
                {c.recordedBy ? view.staff[c.recordedBy] : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sheet>
  );
}

/** A4 layouts of the standard forms, printed from the browser (和暦 dates, no navigation). */
export function PrintPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const query = useCase(params.id ?? '');
  const view = query.data;
  if (!view) return <QueryState error={query.error} />;
  switch (params.form) {
    case 'intake':
      return <IntakeSheet view={view} />;
    case 'assessment':
      return <AssessmentSheet view={view} id={search.get('assessment')} />;
    case 'plan':
      return <PlanSheet view={view} id={search.get('plan')} />;
    case 'evaluation':
      return <EvaluationSheet view={view} id={search.get('evaluation')} />;
    case 'ecomap':
      return <EcomapSheet view={view} />;
    default:
      return <RecordsSheet view={view} />;
  }
}
