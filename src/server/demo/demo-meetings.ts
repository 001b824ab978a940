import { addDays, addMonths } from '../../domain/cases/deadlines';
import { addItem, requestMeeting, suggestAgenda } from '../meetings/agenda';
import { createMeeting, recordAttendance, updateMeeting } from '../meetings/meetings';
import { recordItem } from '../meetings/record-item';
import {
  attendanceBody,
  itemFields,
  itemRecordBody,
  meetingFields,
  meetingUpdateBody,
  memberFields,
  requestFields,
  seriesFields,
} from '../meetings/schema';
import { acknowledgeConfidentiality, addMember, createSeries } from '../meetings/series';
import { demoAgencies } from './demo-data';
import type { DemoLogin, DemoScript } from './demo-script';

/**
 * The meetings of 架空市, played after the caseload through the same use cases as the meeting
 * screens: the monthly 支援調整会議 (the last sitting held and minuted, the next one's agenda
 * built from what the workers asked for) and a 支援会議 under 生活困窮者自立支援法第9条 about
 * the newest lead, a man not yet reached. No decision here moves a case: the items are shared
 * and noted, so the stories in demo-cases.ts keep their stages.
 */
export async function seedDemoMeetings(s: DemoScript) {
  const cases = {
    umino: await caseOf(s, '海野 健二'),
    sakaguchi: await caseOf(s, '坂口 真由美'),
    kitamura: await caseOf(s, '北村 正'),
  };
  const coordination = await coordinationSeries(s);
  // Third Thursday of the month (0 = Sunday), as the series says.
  const { previous, next } = regularDaysAround(s.today, 3, 4);
  await heldMeeting(s, coordination, previous, next, cases);
  await plannedMeeting(s, coordination, previous, next, cases);
  await supportMeeting(s, cases.kitamura);
}

type DemoCases = Record<'umino' | 'sakaguchi' | 'kitamura', string>;

const hellowork = 'ハローワーク架空';
const welfareOffice = '架空市福祉事務所 生活保護担当';
const careCentre = '架空市中央地域包括支援センター';
const welfareVolunteers = '架空市民生委員児童委員協議会';

async function caseOf(s: DemoScript, personName: string): Promise<string> {
  const row = await s.deps.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select('support_case.id')
    .where('person.name', '=', personName)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Days from today to an ISO date, for the script's clock. */
function offsetOf(s: DemoScript, iso: string): number {
  return Math.round((Date.parse(iso) - Date.parse(s.today)) / 86_400_000);
}

/** The `week`th `weekday` (0 = Sunday) of the month an ISO date falls in. */
function nthWeekday(inMonth: string, week: number, weekday: number): string {
  const first = `${inMonth.slice(0, 7)}-01`;
  const firstWeekday = new Date(`${first}T00:00:00Z`).getUTCDay();
  return addDays(first, ((weekday - firstWeekday + 7) % 7) + (week - 1) * 7);
}

/** The regular sitting before today, and the next one (today's, when it is the day). */
function regularDaysAround(today: string, week: number, weekday: number) {
  let next = nthWeekday(today, week, weekday);
  if (next < today) next = nthWeekday(addMonths(`${today.slice(0, 7)}-01`, 1), week, weekday);
  const previous = nthWeekday(addMonths(`${next.slice(0, 7)}-01`, -1), week, weekday);
  return { previous, next };
}

async function directAgencyId(s: DemoScript): Promise<string> {
  const row = await s.deps.database.db
    .selectFrom('support_agency')
    .select('id')
    .where('name', '=', demoAgencies.direct.name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The centre's 支援調整会議, in place for a year: the core staff and two partners as full members. */
async function coordinationSeries(s: DemoScript): Promise<string> {
  const since = s.on(-365, '10:00');
  const series = await createSeries(
    s.deps,
    s.as('shunin'),
    seriesFields.parse({
      type: 'coordination',
      name: '架空市支援調整会議',
      hostAgencyId: await directAgencyId(s),
      pattern: 'both',
      regularWeek: 3,
      regularWeekday: 4,
      defaultStart: '09:00',
      place: '架空市役所 3階 第1会議室',
      minutesPerCase: 30,
    }),
  );
  const members = [
    { tier: 'core', userId: s.userId('jichitai') },
    { tier: 'core', userId: s.userId('shunin') },
    { tier: 'core', userId: s.userId('shien') },
    { tier: 'core', userId: s.userId('shuro') },
    { tier: 'full', partnerAgencyId: s.partner(welfareOffice) },
    { tier: 'full', partnerAgencyId: s.partner(hellowork) },
  ];
  for (const member of members) {
    await addMember(
      s.deps,
      s.as('shunin'),
      series.id,
      memberFields.parse({ ...member, appointedOn: since }),
    );
  }
  return series.id;
}

async function meetingVersion(s: DemoScript, meetingId: string): Promise<number> {
  const row = await s.deps.database.db
    .selectFrom('meeting')
    .select('version')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** The attendance, in order: the staff by login, then the partner organisations. */
async function takeAttendance(
  s: DemoScript,
  meetingId: string,
  staff: [DemoLogin, string[]][],
  partners: [string, string[]][],
  present: boolean | null,
) {
  await recordAttendance(
    s.deps,
    s.as('shunin'),
    meetingId,
    attendanceBody.parse({
      version: await meetingVersion(s, meetingId),
      attendees: [
        ...staff.map(([login, roles]) => ({ userId: s.userId(login), roles, present })),
        ...partners.map(([name, roles]) => ({ partnerAgencyId: s.partner(name), roles, present })),
      ],
    }),
  );
}

const staffRoles: [DemoLogin, string[]][] = [
  ['jichitai', ['member']],
  ['shunin', ['chair']],
  ['shien', ['reporter']],
  ['shuro', ['minutes']],
];

/**
 * The last sitting: two people whose current plans started some weeks before, their progress
 * shared and noted with the municipal officer present, homework for their workers due at the next
 * sitting (so the workers' home pages list it), and one gap in the local resources.
 */
async function heldMeeting(
  s: DemoScript,
  seriesId: string,
  heldOn: string,
  nextOn: string,
  cases: DemoCases,
) {
  const day = offsetOf(s, heldOn);
  s.on(day - 21, '10:00');
  const meeting = await createMeeting(
    s.deps,
    s.as('shunin'),
    meetingFields.parse({ seriesId, heldOn, tier: 'full' }),
  );
  s.on(day - 7, '16:00');
  const items = [
    await addItem(
      s.deps,
      s.as('shunin'),
      meeting.id,
      itemFields.parse({
        caseId: cases.umino,
        kind: 'sharing',
        guests: [],
        summary: '中間的就労の利用を始めてからの経過。通所状況と家計の管理、借入の整理を共有する。',
      }),
    ),
    await addItem(
      s.deps,
      s.as('shunin'),
      meeting.id,
      itemFields.parse({
        caseId: cases.sakaguchi,
        kind: 'sharing',
        guests: [],
        summary: 'プラン変更後の経過。転居と求職活動の再開、家族への支援の分担を共有する。',
      }),
    ),
  ];

  s.on(day, '09:00');
  await takeAttendance(
    s,
    meeting.id,
    staffRoles,
    [
      [welfareOffice, ['member']],
      [hellowork, ['service_provider']],
    ],
    true,
  );
  const records = [
    {
      discussion:
        '中間的就労（週3日）に休まず通えている。作業にも慣れ、表情が明るくなった。家計簿は続いているが、過去の借入の返済が負担になっている。',
      decisionNote: '現在のプランで支援を継続する。借入の整理を急ぐ。',
      homework: [
        {
          description: '架空法律事務所との相談日を本人と調整し、借入の整理の方針を確認する',
          ownerId: s.userId('shien'),
          dueOn: nextOn,
        },
        {
          description: '中間的就労先に本人の様子を聞き、通所日数を増やせるか確認する',
          ownerId: s.userId('shuro'),
          dueOn: nextOn,
        },
      ],
      resourceGaps: [
        { description: '市内で中間的就労を受け入れる事業所が1か所しかなく、職種を選べない' },
      ],
    },
    {
      discussion:
        '父の入所先の近くへの転居が決まり、求職活動を再開した。父・妹・姪への支援は各機関が分担し、本人の負担は軽くなっている。ハローワークからは、応募先の紹介を続けると報告があった。',
      decisionNote: '家族への支援の分担を確認した。',
      homework: [
        {
          description: '転居後の住居確保給付金の手続と家計の見通しを本人と確認する',
          ownerId: s.userId('shien'),
          dueOn: nextOn,
        },
      ],
      resourceGaps: [],
    },
  ];
  s.on(day, '11:30');
  for (const [i, item] of items.entries()) {
    await recordItem(
      s.deps,
      s.as('shunin'),
      meeting.id,
      item.id,
      itemRecordBody.parse({
        ...records[i],
        version: item.version,
        personAttended: false,
        decision: 'noted',
      }),
    );
  }
  s.on(day, '12:00');
  await updateMeeting(
    s.deps,
    s.as('shunin'),
    meeting.id,
    meetingUpdateBody.parse({
      version: await meetingVersion(s, meeting.id),
      heldOn,
      startsAt: '09:00',
      place: '架空市役所 3階 第1会議室',
      status: 'held',
      note: '2件を検討。次回は来月第3木曜日。',
    }),
  );
}

/**
 * The next sitting, scheduled right after the last one: the workers ask for their cases, the
 * chief builds the agenda from the suggestions; the care centre joins for Sakaguchi's item only,
 * as her consent allows.
 */
async function plannedMeeting(
  s: DemoScript,
  seriesId: string,
  lastOn: string,
  heldOn: string,
  cases: DemoCases,
) {
  s.on(offsetOf(s, lastOn), '13:00');
  const meeting = await createMeeting(
    s.deps,
    s.as('shunin'),
    meetingFields.parse({ seriesId, heldOn, tier: 'full' }),
  );
  await takeAttendance(
    s,
    meeting.id,
    staffRoles,
    [
      [welfareOffice, ['member']],
      [hellowork, ['service_provider']],
    ],
    null,
  );

  for (const { time, ...request } of [
    {
      time: '14:00',
      caseId: cases.umino,
      kind: 'sharing',
      note: '中間的就労を週4日に増やしたいとの希望。日数の変更と家計への影響を共有し、プラン変更が要るかを検討したい。',
    },
    {
      time: '14:20',
      caseId: cases.sakaguchi,
      kind: 'evaluation',
      note: 'プラン期間の終了が近い。評価に向けて、転居後の生活と求職活動の状況を確認したい。',
    },
  ]) {
    s.on(-1, time);
    await requestMeeting(
      s.deps,
      s.as('shien'),
      requestFields.parse({ ...request, meetingType: 'coordination' }),
    );
  }

  s.on(-1, '16:00');
  const guests: Record<string, { partnerAgencyId: string }[]> = {
    [cases.sakaguchi]: [{ partnerAgencyId: s.partner(careCentre) }],
  };
  for (const suggestion of await suggestAgenda(s.deps, s.as('shunin'), seriesId)) {
    await addItem(
      s.deps,
      s.as('shunin'),
      meeting.id,
      itemFields.parse({
        caseId: suggestion.caseId,
        kind: suggestion.kind,
        reporterId: suggestion.leadWorkerId,
        guests: guests[suggestion.caseId] ?? [],
        summary: suggestion.note,
      }),
    );
  }
}

/** The first Tuesday at least four days ahead, for the 支援会議 called about the new lead. */
function nextTuesday(s: DemoScript): number {
  let day = 4;
  while (new Date(`${s.date(day)}T00:00:00Z`).getUTCDay() !== 2) day++;
  return day;
}

/**
 * The municipality's 支援会議 (生活困窮者自立支援法第9条): staff and two partner organisations
 * appointed; so far only the chief has acknowledged the duty of confidentiality, so the others
 * see the meeting but not the case until they do. The lead 北村さん, not yet reached, is on the
 * next sitting's agenda without consent — the law, not consent, is the basis here. The tax
 * office's information that brought the lead in stays out of the summary (地方税法第22条).
 */
async function supportMeeting(s: DemoScript, kitamura: string) {
  const since = s.on(-90, '10:00');
  const series = await createSeries(
    s.deps,
    s.as('jichitai'),
    seriesFields.parse({
      type: 'support_meeting',
      name: '架空市支援会議',
      legalBasis: 'poverty_act_9',
      pattern: 'ad_hoc',
      defaultStart: '14:00',
      place: '架空市役所 2階 小会議室',
      minutesPerCase: 30,
    }),
  );
  const members = [
    { userId: s.userId('jichitai') },
    { userId: s.userId('shunin') },
    { userId: s.userId('shien') },
    { partnerAgencyId: s.partner(careCentre) },
    { partnerAgencyId: s.partner(welfareVolunteers) },
  ];
  for (const member of members) {
    await addMember(
      s.deps,
      s.as('jichitai'),
      series.id,
      memberFields.parse({ ...member, appointedOn: since }),
    );
  }
  s.on(-88, '09:30');
  await acknowledgeConfidentiality(s.deps, s.as('shunin'), series.id);

  s.on(-2, '10:00');
  const meeting = await createMeeting(
    s.deps,
    s.as('jichitai'),
    meetingFields.parse({
      seriesId: series.id,
      heldOn: s.date(nextTuesday(s)),
      note: '新たに把握した方への接触の方法を検討する。',
    }),
  );
  s.on(-2, '11:00');
  await addItem(
    s.deps,
    s.as('shunin'),
    meeting.id,
    itemFields.parse({
      caseId: kitamura,
      reporterId: s.userId('shien'),
      guests: [],
      summary:
        '西町で一人暮らしとみられる70代の男性。通知や訪問に応答がなく、暮らしの様子がわからない。民生委員・地域包括支援センターと見守りと接触の方法を検討する。',
    }),
  );
}
