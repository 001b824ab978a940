import { openIntake } from '../cases/open-intake';
import { openIntakeBody } from '../cases/schema';
import { addItem } from '../meetings/agenda';
import { createMeeting, recordAttendance, updateMeeting } from '../meetings/meetings';
import { recordItem } from '../meetings/record-item';
import {
  attendanceBody,
  itemFields,
  itemRecordBody,
  meetingFields,
  memberFields as meetingMemberFields,
  meetingUpdateBody,
  seriesFields,
} from '../meetings/schema';
import { addMember as addSeriesMember, createSeries } from '../meetings/series';
import { acceptMultiAgencyCase } from '../multi-agency/accept-multi-agency-case';
import { addMember } from '../multi-agency/add-member';
import { openMultiAgencyCase } from '../multi-agency/open-multi-agency-case';
import { recordReview } from '../multi-agency/record-review';
import { saveJointPlan } from '../multi-agency/save-joint-plan';
import {
  acceptBody,
  jointPlanBody,
  memberFields,
  referralFields,
  reviewBody,
  tieBody,
} from '../multi-agency/schema';
import { updateHouseholdTie } from '../multi-agency/update-household-tie';
import { saveHousehold } from '../persons/save-household';
import { householdBody } from '../persons/schema';
import { triageContinue } from './demo-cases';
import type { DemoScript } from './demo-script';

/** The five agencies of seed 004's household (demo-data.ts), by the names the demo gives them. */
const careCentre = '架空市中央地域包括支援センター';
const carePlan = '居宅介護支援事業所 かくうケアプラン';
const elderlyWelfare = '架空市高齢福祉課';
const disabilityConsultation = '障害者相談支援事業所 さくら架空';
const disabilityWelfare = '架空市障害福祉課';

/**
 * Seed 004's three-person household, played through the same use cases as the screens: a son in
 * his thirties with an intellectual disability (療育手帳, 生活介護) whose outbursts towards his
 * bedridden father bring the police; the father (デイサービス); the mother (訪問介護, alcohol,
 * failing memory). The care centre that supports the father asks for coordination; the chief, as
 * the coordinator, accepts; five agencies share the roles, the son's consultation office leads;
 * the joint plan — fewer hours with father and son at home together, short stay as a refuge — is
 * agreed at the 重層的支援会議. The son's case is the anchor; his parents are household members.
 */
export async function seedDemoMultiAgency(s: DemoScript) {
  const caseId = await openSonsCase(s);
  const { father, mother } = await household(s, caseId);

  s.on(-72, '15:00');
  const referred = await openMultiAgencyCase(
    s.deps,
    s.as('shien'),
    caseId,
    referralFields.parse({
      referredOn: s.date(-72),
      partnerAgencyId: s.partner(careCentre),
      referrerContact: '村上 早苗（社会福祉士）',
      reason:
        '子が父に物を投げる、室内を走り回るなどし、警察が入ることもある。父は寝たきり、母は認知機能が低下しており、父母の支援だけでは対応できない。世帯全体の支援の調整をお願いしたい。',
    }),
  );
  s.on(-70, '09:30');
  await acceptMultiAgencyCase(
    s.deps,
    s.as('shunin'),
    referred.id,
    acceptBody.parse({ version: referred.version, acceptedOn: s.date(-70) }),
  );

  const roles = [
    {
      partnerAgencyId: s.partner(disabilityConsultation),
      supports: 'person',
      role: '障害福祉サービスの利用の調整（生活介護の通所日を父のデイサービスのない日に設定）。子が父に物を投げるなどしたときの、緊急的なショートステイの利用の支援。',
      contactName: '佐藤 亮（相談支援専門員）',
      tieStrength: 'strong',
      lead: true,
    },
    {
      partnerAgencyId: s.partner(careCentre),
      supports: 'member',
      householdMemberId: father,
      role: '子による父への暴力行為等への対応。父の見守りと、警察・高齢福祉課との連絡。',
      contactName: '村上 早苗（社会福祉士）',
      tieStrength: 'strong',
    },
    {
      partnerAgencyId: s.partner(carePlan),
      supports: 'member',
      householdMemberId: father,
      role: '父のデイサービス・母の訪問介護の調整。子の生活介護の通所日と重ならないよう、デイサービスの日程を調整。',
      contactName: '小川 由紀（介護支援専門員）',
    },
    {
      partnerAgencyId: s.partner(elderlyWelfare),
      supports: 'member',
      householdMemberId: father,
      role: '不適切な対応・虐待があったときの通報先。地域包括支援センターの委託元として、役割を分担しながら対応。',
      contactName: '藤井 智子',
      tieStrength: 'weak',
    },
    {
      partnerAgencyId: s.partner(disabilityWelfare),
      supports: 'person',
      role: '障害福祉サービスの支給決定（ショートステイの緊急利用を含む）。支援困難事例としての対応。',
      contactName: '原田 恵（ケースワーカー）',
    },
  ];
  for (const [i, role] of roles.entries()) {
    s.on(-70, `1${i}:00`);
    await addMember(
      s.deps,
      s.as('shunin'),
      referred.id,
      memberFields.parse({ ...role, joinedOn: s.date(-70) }),
    );
  }

  s.on(-63, '16:00');
  await saveJointPlan(
    s.deps,
    s.as('shunin'),
    referred.id,
    jointPlanBody.parse({
      version: await multiAgencyVersion(s, referred.id),
      situation:
        '三人暮らし。父（70代）は疾患の後遺症で寝たきり、発語があいまいで会話が成り立たない。母（70代）はアルコールに依存し、認知機能が低下している。子（30代）は知的障害があり、生活介護に通っている。賃貸住宅の管理会社は事情を理解している。',
      issues:
        '子が家族と喧嘩し、父に物を投げるなどして警察が入ることがある。子が遊びに生活費を使い込み、月の途中で保護費を使い果たすことがある。',
      goal: '父が安全に暮らし、子が日中の居場所を持ち、母が無理なく暮らせる',
      policy:
        '父子が家に一緒にいる時間をできるだけ減らす（父のデイサービスのない日に子の生活介護の通所日を設定する）。子に暴力がみられたときは、緊急的にショートステイを利用する。生活費の管理は各機関で情報を共有しながら検討する。',
      writtenOn: s.date(-63),
      reviewOn: s.date(-56),
    }),
  );

  const sitting = await multiAgencyMeeting(s, caseId);
  s.on(-56, '15:00');
  await recordReview(
    s.deps,
    s.as('shunin'),
    referred.id,
    reviewBody.parse({
      version: await multiAgencyVersion(s, referred.id),
      reviewedOn: s.date(-56),
      meetingId: sitting.meetingId,
      meetingItemId: sitting.itemId,
      outcome: 'agreed',
      note: '役割分担と主担当（障害者相談支援事業所）を了承。生活費の管理は次回に検討する。',
      nextReviewOn: s.date(34),
    }),
  );

  // The ecomap: the father's tie to the care centre is strong; the mother avoids her care manager.
  s.on(-55, '10:00');
  for (const [memberId, partner, tieStrength] of [
    [father, careCentre, 'strong'],
    [mother, carePlan, 'strained'],
  ] as const) {
    const person = await personVersion(s, caseId);
    await updateHouseholdTie(
      s.deps,
      s.as('shien'),
      caseId,
      tieBody.parse({
        version: person,
        householdMemberId: memberId,
        partnerAgencyId: s.partner(partner),
        tieStrength,
      }),
    );
  }
}

async function openSonsCase(s: DemoScript): Promise<string> {
  s.on(-75, '10:30');
  const opened = await openIntake(
    s.deps,
    s.as('shien'),
    openIntakeBody.parse({
      person: {
        name: '岡田 翔太',
        nameKana: 'おかだ しょうた',
        sex: 'male',
        birthDate: `${Number(s.today.slice(0, 4)) - 34}-07-21`,
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '南町二丁目8番',
        phoneHome: '0120-000-3606',
        safeContact:
          '平日の日中は生活介護の事業所にいる。連絡は障害者相談支援事業所 さくら架空を通じて。',
        sensitiveCategories: ['disability'],
      },
      intake: {
        receivedOn: s.date(-75),
        routeIn: 'partner_agency',
        routeDetail: '架空市中央地域包括支援センター（父の支援機関）',
        topics: ['family', 'care', 'dv_abuse', 'income', 'health_disability'],
        mainTopic: 'family',
        consultationText:
          '子が父に物を投げるなどして、警察が入ることがある。父は寝たきり、母は物忘れが目立つ。生活費を使い込み、月の途中でお金がなくなる。',
        wishes: '本人：家にいるとイライラする。外で過ごせる時間を増やしたい。',
        visitorName: '村上 早苗',
        visitorRelation: '地域包括支援センター 社会福祉士',
        workStatus: 'unemployed',
        housingStatus: 'rented',
        healthInsurance: 'public_assistance',
        pensionStatus: 'receiving',
        urgency: 'soon',
      },
    }),
  );
  await triageContinue(
    s,
    opened.id,
    -75,
    '父への暴力と生活費の使い込み。父母・子それぞれの支援機関の調整が必要。多機関協働につなぐ。',
  );
  await s.consent(opened.id, -73, {
    signedBy: 'person',
    explanationGiven: true,
    partnerAgencyIds: [
      s.partner(careCentre),
      s.partner(carePlan),
      s.partner(elderlyWelfare),
      s.partner(disabilityConsultation),
      s.partner(disabilityWelfare),
    ],
    purposes: ['coordination_meeting', 'partner_liaison', 'household_budget'],
  });
  return opened.id;
}

async function household(s: DemoScript, caseId: string) {
  const person = await s.deps.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select(['person.id', 'person.version'])
    .where('support_case.id', '=', caseId)
    .executeTakeFirstOrThrow();
  s.on(-73, '14:00');
  await saveHousehold(
    s.deps,
    s.as('shien'),
    person.id,
    householdBody.parse({
      version: person.version,
      members: [
        {
          name: '岡田 茂',
          nameKana: 'おかだ しげる',
          relationship: 'parent',
          sex: 'male',
          age: 76,
          situation:
            '疾患の後遺症で寝たきり。言語障害があり、会話が成り立たない。デイサービスを利用。',
          partnerAgencyIds: [s.partner(careCentre), s.partner(carePlan)],
        },
        {
          name: '岡田 和子',
          nameKana: 'おかだ かずこ',
          relationship: 'parent',
          sex: 'female',
          age: 73,
          situation:
            'アルコールに依存している。訪問介護を利用。会話はできるが、認知機能の低下がみられる。',
          partnerAgencyIds: [s.partner(carePlan)],
        },
      ],
    }),
  );
  const rows = await s.deps.database.db
    .selectFrom('household_member')
    .select(['id', 'name'])
    .where('person_id', '=', person.id)
    .execute();
  const id = (name: string) => rows.find((r) => r.name === name)?.id ?? '';
  return { father: id('岡田 茂'), mother: id('岡田 和子') };
}

/**
 * The municipality's 重層的支援会議: the officer, the chief and the five agencies as members; the
 * household discussed at a sitting eight weeks ago, the officer present.
 */
async function multiAgencyMeeting(s: DemoScript, caseId: string) {
  const since = s.on(-120, '10:00');
  const series = await createSeries(
    s.deps,
    s.as('jichitai'),
    seriesFields.parse({
      type: 'multi_agency',
      name: '架空市重層的支援会議',
      pattern: 'ad_hoc',
      defaultStart: '13:30',
      place: '架空市役所 4階 大会議室',
      minutesPerCase: 45,
    }),
  );
  const partners = [
    careCentre,
    carePlan,
    elderlyWelfare,
    disabilityConsultation,
    disabilityWelfare,
  ];
  for (const member of [
    { userId: s.userId('jichitai') },
    { userId: s.userId('shunin') },
    ...partners.map((p) => ({ partnerAgencyId: s.partner(p) })),
  ]) {
    await addSeriesMember(
      s.deps,
      s.as('jichitai'),
      series.id,
      meetingMemberFields.parse({ ...member, appointedOn: since }),
    );
  }
  s.on(-66, '11:00');
  const heldOn = s.date(-56);
  const meeting = await createMeeting(
    s.deps,
    s.as('jichitai'),
    meetingFields.parse({ seriesId: series.id, heldOn, startsAt: '13:30' }),
  );
  s.on(-60, '10:00');
  const item = await addItem(
    s.deps,
    s.as('shunin'),
    meeting.id,
    itemFields.parse({
      caseId,
      kind: 'sharing',
      reporterId: s.userId('shunin'),
      summary:
        '地域包括支援センターからの調整の依頼。父母・子それぞれの支援機関の役割分担と主担当を検討する。',
    }),
  );
  s.on(-56, '13:30');
  await recordAttendance(
    s.deps,
    s.as('jichitai'),
    meeting.id,
    attendanceBody.parse({
      version: await meetingVersion(s, meeting.id),
      attendees: [
        { userId: s.userId('jichitai'), roles: ['chair'], present: true },
        { userId: s.userId('shunin'), roles: ['reporter'], present: true },
        { userId: s.userId('shien'), roles: ['minutes'], present: true },
        ...partners.map((p) => ({
          partnerAgencyId: s.partner(p),
          roles: ['member'],
          present: true,
        })),
      ],
    }),
  );
  s.on(-56, '14:15');
  await recordItem(
    s.deps,
    s.as('shunin'),
    meeting.id,
    item.id,
    itemRecordBody.parse({
      version: item.version,
      discussion:
        '父子が家に一緒にいる時間を減らすため、子の生活介護の通所日を父のデイサービスのない日にそろえる。暴力があったときは障害福祉課が緊急的なショートステイの利用を決め、相談支援事業所が調整する。主担当は障害者相談支援事業所。',
      personAttended: false,
      decision: 'noted',
      decisionNote: '役割分担を了承した。',
    }),
  );
  s.on(-56, '15:00');
  await updateMeeting(
    s.deps,
    s.as('jichitai'),
    meeting.id,
    meetingUpdateBody.parse({
      version: await meetingVersion(s, meeting.id),
      heldOn,
      startsAt: '13:30',
      place: '架空市役所 4階 大会議室',
      status: 'held',
      note: '1世帯を検討。',
    }),
  );
  return { meetingId: meeting.id, itemId: item.id };
}

async function meetingVersion(s: DemoScript, meetingId: string): Promise<number> {
  const row = await s.deps.database.db
    .selectFrom('meeting')
    .select('version')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.version;
}

async function multiAgencyVersion(s: DemoScript, id: string): Promise<number> {
  const row = await s.deps.database.db
    .selectFrom('multi_agency_case')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

async function personVersion(s: DemoScript, caseId: string): Promise<number> {
  const row = await s.deps.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select('person.version')
    .where('support_case.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.version;
}
