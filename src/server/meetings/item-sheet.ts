import type { CaseStatus } from '../../domain/cases/case-status';
import type {
  AssessmentDomain,
  ConsultationTopic,
  ContactMode,
  ServiceClass,
} from '../../domain/cases/vocabulary';
import { type ItemKind, layOutTimetable } from '../../domain/meetings/agenda';
import {
  confidentialityNotice,
  type MeetingType,
  meetingTypeRules,
} from '../../domain/meetings/meeting-types';
import { taxInformationShareable } from '../../domain/policies/meeting-policy';
import { ageOn } from '../../domain/text/wareki';
import type { ItemBasis } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { loadItem } from './meeting-access';
import { auditItemsShown, itemGuests } from './meetings';

/** How many of the latest contact records a sheet carries. */
const recentContacts = 5;

export interface ItemSheet {
  meeting: {
    heldOn: string;
    startsAt: string;
    place: string | null;
    bodyName: string;
    bodyType: MeetingType;
    confidentialityNotice: typeof confidentialityNotice | null;
  };
  item: {
    id: string;
    kind: ItemKind;
    basis: ItemBasis;
    start: string;
    end: string;
    reporterName: string | null;
    guests: { name: string | null; appointed: boolean }[];
    summary: string | null;
    /** The summary is marked as tax information and the item rests on the law: left out. */
    summaryWithheld: boolean;
  };
  person: { name: string; nameKana: string | null; age: number | null };
  case: {
    caseNumber: string;
    status: CaseStatus;
    topics: ConsultationTopic[];
    mainTopic: ConsultationTopic | null;
    topicOther: string | null;
    /** The issues per area of the latest completed assessment. */
    issues: { assessedOn: string; domains: { domain: AssessmentDomain; issues: string }[] } | null;
  };
  plan: {
    planNo: number;
    revision: number;
    longTermGoal: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    goals: { goal: string; indicator: string | null }[];
    services: {
      content: string;
      provider: string | null;
      serviceClass: ServiceClass;
      frequency: string | null;
    }[];
  } | null;
  contacts: { occurredAt: string; mode: ContactMode; summary: string }[];
  /** Tax-marked records among the latest that this item may not carry (地方税法第22条). */
  withheldTaxRecords: number;
}

/**
 * The printable sheet for one item: only what the meeting needs to discuss the case. The person
 * by name and age (not the birth date, address, phone or 要配慮 categories), the case's topics and
 * main issues, the plan under review, the latest contacts — and nothing from the tax records when
 * the item rests on the law (a 支援会議). Same access rule as reading the item; the read is
 * audited with its basis.
 */
export async function getItemSheet(
  deps: AppDeps,
  ctx: ActorContext,
  meetingId: string,
  itemId: string,
): Promise<ItemSheet> {
  const loaded = await loadItem(deps, ctx, meetingId, itemId, 'meeting_item.sheet');
  const { meeting, item } = loaded;
  const body = loaded.bodies.find((b) => b.id === item.series_id) ?? loaded.series;
  const taxShareable = taxInformationShareable(item.basis);
  const db = deps.database.db;

  const [kase, agenda, reporter, guests, assessment, plan, goals, services, contacts] =
    await Promise.all([
      db
        .selectFrom('support_case')
        .innerJoin('person', 'person.id', 'support_case.person_id')
        .leftJoin('intake', 'intake.case_id', 'support_case.id')
        .select([
          'support_case.case_number',
          'support_case.status',
          'person.id as person_id',
          'person.name',
          'person.name_kana',
          'person.birth_date',
          'intake.topics',
          'intake.main_topic',
          'intake.topic_other',
        ])
        .where('support_case.id', '=', item.case_id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('meeting_item')
        .select(['id', 'minutes'])
        .where('meeting_id', '=', meetingId)
        .orderBy('position')
        .execute(),
      item.reporter_id
        ? db
            .selectFrom('app_user')
            .select('display_name')
            .where('id', '=', item.reporter_id)
            .executeTakeFirst()
        : Promise.resolve(undefined),
      itemGuests(db, [item.id]),
      db
        .selectFrom('assessment')
        .select(['id', 'assessed_on'])
        .where('case_id', '=', item.case_id)
        .where('status', '=', 'completed')
        .orderBy('version_no', 'desc')
        .limit(1)
        .executeTakeFirst(),
      item.plan_id
        ? db
            .selectFrom('plan')
            .select(['plan_no', 'revision', 'long_term_goal', 'period_start', 'period_end'])
            .where('id', '=', item.plan_id)
            .executeTakeFirst()
        : Promise.resolve(undefined),
      item.plan_id
        ? db
            .selectFrom('plan_goal')
            .select(['goal', 'indicator'])
            .where('plan_id', '=', item.plan_id)
            .orderBy('sort_order')
            .execute()
        : Promise.resolve([]),
      item.plan_id
        ? db
            .selectFrom('plan_service')
            .leftJoin(
              'partner_agency',
              'partner_agency.id',
              'plan_service.provider_partner_agency_id',
            )
            .leftJoin('social_resource', 'social_resource.id', 'plan_service.social_resource_id')
            .select([
              'plan_service.content',
              'plan_service.provider_name',
              'plan_service.service_class',
              'plan_service.frequency',
              'partner_agency.name as partner_name',
              'social_resource.name as resource_name',
            ])
            .where('plan_service.plan_id', '=', item.plan_id)
            .orderBy('plan_service.sort_order')
            .execute()
        : Promise.resolve([]),
      (() => {
        let query = db
          .selectFrom('contact_record')
          .select(['occurred_at', 'mode', 'summary'])
          .where('case_id', '=', item.case_id);
        if (!taxShareable) query = query.where('tax_information', '=', false);
        return query.orderBy('occurred_at', 'desc').limit(recentContacts).execute();
      })(),
    ]);

  const [domains, withheld] = await Promise.all([
    assessment
      ? db
          .selectFrom('assessment_domain')
          .select(['domain', 'issues'])
          .where('assessment_id', '=', assessment.id)
          .where('issues', 'is not', null)
          .execute()
      : Promise.resolve([]),
    taxShareable ? Promise.resolve(0) : withheldTaxRecords(deps, item.case_id, contacts),
  ]);

  await auditItemsShown(
    db,
    ctx,
    meetingId,
    [{ personId: kase.person_id, access: loaded.access }],
    'meeting_item.sheet',
  );

  const slot = layOutTimetable(meeting.starts_at, agenda, loaded.series.phase_minutes)[
    agenda.findIndex((a) => a.id === item.id)
  ];
  const summaryWithheld = item.summary_tax_information && !taxShareable;
  return {
    meeting: {
      heldOn: meeting.held_on,
      startsAt: meeting.starts_at,
      place: meeting.place,
      bodyName: body.name,
      bodyType: body.type,
      confidentialityNotice:
        meetingTypeRules[body.type].sharing === 'law' ? confidentialityNotice : null,
    },
    item: {
      id: item.id,
      kind: item.kind,
      basis: item.basis,
      start: slot?.start ?? meeting.starts_at,
      end: slot?.end ?? meeting.starts_at,
      reporterName: reporter?.display_name ?? null,
      guests: guests.map((g) => ({
        name: g.partner_name ?? g.user_name ?? g.name,
        appointed: g.appointed,
      })),
      summary: summaryWithheld ? null : item.summary,
      summaryWithheld,
    },
    person: {
      name: kase.name,
      nameKana: kase.name_kana,
      age: kase.birth_date ? ageOn(kase.birth_date, meeting.held_on) : null,
    },
    case: {
      caseNumber: kase.case_number,
      status: kase.status,
      topics: kase.topics ?? [],
      mainTopic: kase.main_topic,
      topicOther: kase.topic_other,
      issues: assessment
        ? {
            assessedOn: assessment.assessed_on,
            domains: domains.flatMap((d) =>
              d.issues ? [{ domain: d.domain, issues: d.issues }] : [],
            ),
          }
        : null,
    },
    plan: plan
      ? {
          planNo: plan.plan_no,
          revision: plan.revision,
          longTermGoal: plan.long_term_goal,
          periodStart: plan.period_start,
          periodEnd: plan.period_end,
          goals: goals.map((g) => ({ goal: g.goal, indicator: g.indicator })),
          services: services.map((s) => ({
            content: s.content,
            provider: s.resource_name ?? s.partner_name ?? s.provider_name,
            serviceClass: s.service_class,
            frequency: s.frequency,
          })),
        }
      : null,
    contacts: contacts.map((c) => ({
      occurredAt: c.occurred_at.toISOString(),
      mode: c.mode,
      summary: c.summary,
    })),
    withheldTaxRecords: withheld,
  };
}

/**
 * The tax-marked records that would have been among the latest shown: all of them when fewer
 * than a full sheet's worth could be shown, else those no older than the oldest one shown.
 */
async function withheldTaxRecords(
  deps: AppDeps,
  caseId: string,
  shown: readonly { occurred_at: Date }[],
): Promise<number> {
  const oldest = shown.length === recentContacts ? shown.at(-1)?.occurred_at : undefined;
  let query = deps.database.db
    .selectFrom('contact_record')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .where('tax_information', '=', true);
  if (oldest) query = query.where('occurred_at', '>=', oldest);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
