import type { z } from 'zod';
import { recordIntake } from '../cases/record-intake';
import { intakeFields } from '../cases/schema';
import { createActivity } from '../community/activities';
import { closeIssue } from '../community/close-issue';
import { recordIssue } from '../community/issues';
import { passIssue } from '../community/pass-issue';
import { activityFields, closeIssueBody, issueFields, passIssueBody } from '../community/schema';
import { recordAttempt } from '../outreach/attempts';
import { attemptFields } from '../outreach/schema';
import { recordFollowUp } from '../participation/follow-ups';
import { proposeMatch } from '../participation/propose-match';
import { followUpFields, matchFields, matchStepBody } from '../participation/schema';
import { stepMatch } from '../participation/step-match';
import { createSocialResource } from '../resources/create-social-resource';
import { socialResourceFields } from '../resources/schema';
import { triageContinue } from './demo-cases';
import type { DemoLogin, DemoScript } from './demo-script';

/** A request as a caller writes it: fields whose input is unknown (the optional ones) may be left out. */
type Loose<T> = T extends readonly (infer U)[]
  ? Loose<U>[]
  : T extends object
    ? { [K in keyof T as unknown extends T[K] ? K : never]?: T[K] } & {
        [K in keyof T as unknown extends T[K] ? never : K]: Loose<T[K]>;
      }
    : T;
type Raw<S extends z.ZodType> = Loose<z.input<S>>;

/**
 * 地域づくり, アウトリーチ and 参加支援 in 架空市, played after the directory (demo-resources.ts)
 * through the same use cases as the screens. At the youth café ひだまり a mother tells the
 * coordinator her son has not left home for years; the centre takes it as a lead and spends
 * months reaching him — letters, visits he does not answer, words through his mother and the
 * coordinator, a chat about games — until he agrees to support and starts coming to the café.
 * Aさん (海野 健二) finds a place at the 社協's salon and tries two days at the recycling workshop.
 * The salon passes a worry about an older woman to the 地域包括支援センター and has one still open.
 */
export async function seedDemoParticipation(s: DemoScript) {
  const places = {
    cafe: await placeNamed(s, cafe),
    salon: await placeNamed(s, salon),
    workshop: await placeNamed(s, workshop),
  };
  const activities = await communityActivities(s, places);
  const youth = await youthLead(s, places.cafe);
  await reachingOut(s, youth.caseId);
  await agreement(s, youth, places.cafe);
  await umino(s, places);
  await salonIssues(s, places.salon, activities.exercise);
}

const cafe = '居場所カフェ ひだまり';
const salon = '北地区ふれあいサロン';
const workshop = 'リサイクル工房 つばさ（認定就労訓練事業）';
const careCentre = '架空市中央地域包括支援センター';

/**
 * The places come from the directory's demo (demo-resources.ts). Should it not have them (it is
 * played first), the few facts needed here make them, so the stories below play either way.
 */
const fallbackPlaces: Record<string, Raw<typeof socialResourceFields>> = {
  [cafe]: {
    name: cafe,
    category: 'place',
    serviceClass: 'C',
    formal: false,
    providerName: 'NPO法人 ひだまりの家',
    capacity: 20,
    participationKinds: ['ibasho', 'volunteering'],
    isCommunityBase: true,
    coordinatorName: '森 ゆかり',
  },
  [salon]: {
    name: salon,
    category: 'place',
    serviceClass: 'C',
    formal: false,
    providerName: '架空市社会福祉協議会',
    capacity: 30,
    participationKinds: ['ibasho', 'volunteering'],
    isCommunityBase: true,
    coordinatorName: '佐々木 勇',
  },
  [workshop]: {
    name: workshop,
    category: 'place',
    serviceClass: 'A',
    formal: true,
    providerName: '社会福祉法人 つばさ会',
    capacity: 6,
    participationKinds: ['intermediate_work', 'work_experience'],
  },
};

async function placeNamed(s: DemoScript, name: string): Promise<string> {
  const found = await s.deps.database.db
    .selectFrom('social_resource')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const raw = fallbackPlaces[name];
  if (!raw) throw new Error(`demo place not found: ${name}`);
  s.on(-200, '10:00');
  const created = await createSocialResource(
    s.deps,
    s.as('shunin'),
    socialResourceFields.parse(raw),
  );
  return created.id;
}

type Places = Record<'cafe' | 'salon' | 'workshop', string>;

async function activity(
  s: DemoScript,
  offset: number,
  raw: Raw<typeof activityFields>,
): Promise<string> {
  s.on(offset, '17:00');
  return (await createActivity(s.deps, s.as('shunin'), activityFields.parse(raw))).id;
}

/** What the two bases hold, as their coordinators told the chief. */
async function communityActivities(s: DemoScript, places: Places) {
  const youthTime = await activity(s, -196, {
    baseId: places.cafe,
    name: '若者の居場所タイム',
    kind: 'cafe',
    schedule: '毎週水曜 15:00〜17:00',
    participantsCount: 8,
    note: '10代〜30代の人が、人の少ない時間に過ごせる枠。話さなくてもよい。',
  });
  await activity(s, -100, {
    baseId: places.cafe,
    name: 'ひだまり交流会（季節の料理）',
    kind: 'event',
    heldOn: s.date(-100),
    participantsCount: 25,
  });
  const exercise = await activity(s, -195, {
    baseId: places.salon,
    name: 'いきいき体操と茶話会',
    kind: 'exercise',
    schedule: '毎週火曜 10:00〜12:00',
    participantsCount: 18,
  });
  await activity(s, -120, {
    baseId: places.salon,
    name: '夏のふれあい祭り',
    kind: 'event',
    heldOn: s.date(-120),
    participantsCount: 60,
    note: '子ども会・老人クラブと合同。',
  });
  return { youthTime, exercise };
}

/** The mother's words at the café become a lead of the centre (把握). */
async function youthLead(s: DemoScript, cafeId: string) {
  s.on(-192, '16:30');
  const issue = await recordIssue(
    s.deps,
    s.as('shunin'),
    issueFields.parse({
      baseId: cafeId,
      noticedOn: s.date(-192),
      description:
        'カフェに通う母親から、20代の息子が高校中退後6年ほど家からほとんど出ていないと相談があった。母は「本人は相談を嫌がると思う」と話す。',
    }),
  );
  s.on(-190, '10:00');
  const passed = await passIssue(
    s.deps,
    s.as('shien'),
    issue.id,
    passIssueBody.parse({
      version: issue.version,
      to: 'support_agency',
      passedOn: s.date(-190),
      note: 'コーディネーターの森さんから電話。母の了解を得て、センターにつなぐ。',
      person: {
        name: '森田 陽太',
        nameKana: 'もりた ようた',
        sex: 'male',
        birthDate: `${Number(s.today.slice(0, 4)) - 24}-07-08`,
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '東町三丁目5番',
        safeContact: '母（森田 恵子）の携帯電話。本人への連絡は母と相談してから。',
      },
      approachPlan:
        'まず自己紹介の手紙を送る。母の話を聴きながら、本人のペースで接点を探す。ひだまりの森さんと連携する。',
    }),
  );
  const caseId = passed.case_id;
  if (!caseId) throw new Error('the lead was not opened');
  return { caseId, issueId: issue.id };
}

async function attempt(
  s: DemoScript,
  caseId: string,
  offset: number,
  time: string,
  raw: Omit<Raw<typeof attemptFields>, 'occurredAt'>,
  who: DemoLogin = 'shien',
) {
  const date = s.on(offset, time);
  await recordAttempt(
    s.deps,
    s.as(who),
    caseId,
    attemptFields.parse({ ...raw, occurredAt: `${date}T${time}` }),
  );
}

/** Four months of trying, without an emergency: letters, visits, his mother, a chat, the coordinator. */
async function reachingOut(s: DemoScript, caseId: string) {
  await attempt(s, caseId, -186, '15:00', {
    channel: 'letter',
    outcome: 'no_answer',
    summary: '自己紹介の手紙と、ひだまりの「若者の居場所タイム」の案内を郵送した。',
    nextStep: '母と日程を合わせて訪問する',
    nextApproachOn: s.date(-172),
  });
  await attempt(s, caseId, -172, '14:00', {
    channel: 'visit',
    outcome: 'no_answer',
    place: '自宅',
    summary:
      '自宅を訪問。本人は2階の自室から出てこない。母と30分話し、本人の好きなこと（ゲーム、料理）を聞いた。',
    nextStep: '母に2通目の手紙を託す',
    nextApproachOn: s.date(-158),
  });
  await attempt(s, caseId, -158, '11:00', {
    channel: 'through_family',
    via: '母',
    outcome: 'partial',
    summary: '母に手紙を託した。本人は読んだが、返事はしないと言っているとのこと。',
    personState: '母によると、手紙を机に置いたままにしている。',
    nextStep: '本人が使っているチャットで、ゲームの話題から連絡してみる（母が本人に了解を取る）',
    nextApproachOn: s.date(-144),
  });
  await attempt(s, caseId, -144, '20:00', {
    channel: 'chat',
    outcome: 'no_answer',
    summary: 'チャットで短いあいさつを送った。既読になったが返信はない。',
    nextStep: '2週間後にもう一度、好きなゲームの話題で送る',
    nextApproachOn: s.date(-130),
  });
  await attempt(s, caseId, -130, '20:30', {
    channel: 'chat',
    outcome: 'reached',
    summary: '本人から返信「ゲームの話なら」。好きなゲームの話を数回やりとりした。',
    personState: '言葉は短いが、質問には答えてくれる。',
    nextStep: 'ひだまりの森さんから、居場所タイムを紹介してもらう',
    nextApproachOn: s.date(-110),
  });
  await attempt(s, caseId, -110, '16:00', {
    channel: 'through_key_person',
    via: 'ひだまりのコーディネーター 森さん',
    outcome: 'partial',
    summary:
      '森さんからチャットで居場所タイムを紹介。「人が少ない時間なら行けるかも」と返事があった。',
    nextStep: '自宅を訪問し、ドア越しでも声をかける',
    nextApproachOn: s.date(-95),
  });
  await attempt(s, caseId, -95, '14:00', {
    channel: 'visit',
    outcome: 'partial',
    place: '自宅',
    summary: 'ドア越しに5分ほど話した。顔は見せないが、声は落ち着いていた。',
    nextStep: '母の同席で、玄関で会えないか本人に聞いておいてもらう',
    nextApproachOn: s.date(-80),
  });
  await attempt(s, caseId, -80, '14:00', {
    channel: 'visit',
    outcome: 'reached',
    place: '自宅 玄関',
    summary:
      '玄関先で初めて顔を合わせた（母同席）。昼夜逆転の生活。家にお金を入れられず母に申し訳ないと話す。',
    personState: '緊張しているが、目を合わせて話せた。',
    nextStep: 'ひだまりの人の少ない時間に、森さん同席で会う',
    nextApproachOn: s.date(-66),
  });
  await attempt(s, caseId, -66, '15:30', {
    channel: 'through_key_person',
    via: 'ひだまりのコーディネーター 森さん',
    outcome: 'reached',
    place: '居場所カフェ ひだまり',
    summary:
      '森さん同席で、ひだまりの人の少ない時間に1時間話した。「このままではいけないと思っている」。',
    nextStep: 'もう一度会い、センターの相談の申込みについて説明する',
    nextApproachOn: s.date(-38),
  });
  await attempt(s, caseId, -38, '14:00', {
    channel: 'visit',
    outcome: 'reached',
    place: '自宅',
    summary:
      '自宅の居間で母と3人で話した。相談の申込みと、情報の共有への同意について説明。「少し考えたい」。',
    nextStep: '本人からの連絡を待ち、2週間後に電話する',
    nextApproachOn: s.date(-24),
  });
  await attempt(s, caseId, -24, '18:00', {
    channel: 'phone',
    outcome: 'reached',
    summary:
      '本人に電話。「申し込みたい。まずは外に出る練習から」。ひだまりで申込みをすることにした。',
    nextStep: 'ひだまりで相談の申込みと同意',
    nextApproachOn: s.date(-12),
  });
}

/** He agrees to support, and starts coming to the café's youth hour, on trial for now. */
async function agreement(
  s: DemoScript,
  youth: { caseId: string; issueId: string },
  cafeId: string,
) {
  const { caseId } = youth;
  s.on(-12, '09:30');
  await recordIntake(s.deps, s.as('shien'), caseId, {
    version: await s.caseVersion(caseId),
    intake: intakeFields.parse({
      receivedOn: s.date(-12),
      routeIn: 'outreach',
      routeDetail: '地域づくりの拠点「居場所カフェ ひだまり」からの把握、約4か月の訪問・連絡を経て',
      topics: ['withdrawal_truancy', 'job_search', 'family', 'income'],
      mainTopic: 'withdrawal_truancy',
      consultationText:
        'このままではいけないと思っている。いきなり働くのは無理だけど、外に出る練習をしたい。',
      wishes: '人の少ない場所から、少しずつ外に出たい。いずれは料理の仕事をしてみたい。',
      workStatus: 'unemployed',
      housingStatus: 'rented',
      urgency: 'normal',
    }),
  });
  await triageContinue(
    s,
    caseId,
    -12,
    'アウトリーチから相談につながった。居場所から段階的に社会参加を進める。',
  );
  await s.consent(caseId, -11, {
    signedBy: 'person',
    explanationGiven: true,
    allAgencies: true,
    purposes: ['coordination_meeting', 'partner_liaison'],
  });
  s.on(-11, '17:00');
  const issue = await s.deps.database.db
    .selectFrom('community_issue')
    .select('version')
    .where('id', '=', youth.issueId)
    .executeTakeFirstOrThrow();
  await closeIssue(
    s.deps,
    s.as('shien'),
    youth.issueId,
    closeIssueBody.parse({
      version: issue.version,
      closedOn: s.date(-11),
      note: '本人と会うことができ、相談支援につながった。森さんに報告した。',
    }),
  );

  const match = await match_(s, caseId, -11, {
    socialResourceId: cafeId,
    kind: 'ibasho',
    days: ['wed'],
    hours: '15:00〜17:00',
    activities: '若者の居場所タイムで過ごす。慣れてきたら、皿洗い・片付けを手伝う。',
    accommodations:
      '人の少ない時間帯から。カウンター奥の席を用意する。話しかけるのは森さんだけにし、無理に話さなくてよい。',
    hostContactName: '森 ゆかり（コーディネーター）',
  });
  await step(s, caseId, match, -6, { action: 'start_trial' });
  await followUp(s, caseId, match, -5, {
    withWhom: 'host',
    note: '森さんに電話。初回は30分。カウンター奥の席で過ごし、帰り際に「また来る」と話したとのこと。',
    nextOn: s.date(-1),
  });
  await followUp(s, caseId, match, -3, {
    withWhom: 'person',
    note: '本人と電話。「週1回なら通えそう」。お試しの間に、皿洗いを少し手伝ってみたいと話す。',
    nextOn: s.date(4),
  });
}

async function match_(
  s: DemoScript,
  caseId: string,
  offset: number,
  raw: Omit<Raw<typeof matchFields>, 'proposedOn'>,
  who: DemoLogin = 'shien',
) {
  s.on(offset, '16:00');
  return proposeMatch(
    s.deps,
    s.as(who),
    caseId,
    matchFields.parse({ ...raw, proposedOn: s.date(offset) }),
  );
}

async function step(
  s: DemoScript,
  caseId: string,
  match: { id: string },
  offset: number,
  raw: Omit<Raw<typeof matchStepBody>, 'version' | 'on'>,
  who: DemoLogin = 'shien',
) {
  s.on(offset, '17:00');
  const current = await s.deps.database.db
    .selectFrom('participation_match')
    .select('version')
    .where('id', '=', match.id)
    .executeTakeFirstOrThrow();
  return stepMatch(
    s.deps,
    s.as(who),
    caseId,
    match.id,
    matchStepBody.parse({ ...raw, version: current.version, on: s.date(offset) }),
  );
}

async function followUp(
  s: DemoScript,
  caseId: string,
  match: { id: string },
  offset: number,
  raw: Omit<Raw<typeof followUpFields>, 'followedOn'>,
  who: DemoLogin = 'shien',
) {
  s.on(offset, '17:30');
  return recordFollowUp(
    s.deps,
    s.as(who),
    caseId,
    match.id,
    followUpFields.parse({ ...raw, followedOn: s.date(offset) }),
  );
}

/**
 * Aさん: the 社協's salon, where he found a role (his plans' 社会参加支援（居場所）), and two days
 * of work experience at the recycling workshop while his plan explores work.
 */
async function umino(s: DemoScript, places: Places) {
  const row = await s.deps.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select('support_case.id')
    .where('person.name', '=', '海野 健二')
    .executeTakeFirstOrThrow();
  const caseId = row.id;
  const salonMatch = await match_(s, caseId, -93, {
    socialResourceId: places.salon,
    kind: 'ibasho',
    days: ['tue'],
    hours: '10:00〜12:00',
    activities: '茶話会・行事の準備と片付け。得意な作業（網戸の張り替えなど）で講師役も。',
    accommodations:
      '体調に合わせて途中で帰ってよい。お金の貸し借りの話題が出たら、コーディネーターが間に入る。',
    hostContactName: '佐々木 勇（コーディネーター）',
  });
  await step(s, caseId, salonMatch, -84, { action: 'start' });
  await followUp(s, caseId, salonMatch, -84, {
    withWhom: 'person',
    note: '初回に参加。チラシの絵を描き、調理班で活躍した。「すごく楽しかった」。',
  });
  await followUp(s, caseId, salonMatch, -72, {
    withWhom: 'host',
    note: '佐々木さんから。網戸の張り替えでは手際がよく、ほかの参加者に教えていた。次回は準備係をお願いしたいとのこと。',
    nextOn: s.date(-40),
  });
  await followUp(s, caseId, salonMatch, -40, {
    withWhom: 'both',
    note: 'サロンで三者で話した。中間的就労が始まっても、火曜のサロンは続けたいと本人。準備係を引き受けた。',
    nextOn: s.date(10),
  });

  const trial = await match_(
    s,
    caseId,
    -45,
    {
      socialResourceId: places.workshop,
      kind: 'work_experience',
      days: ['mon', 'thu'],
      hours: '9:00〜12:00',
      activities: '自転車部品の仕分けと磨き。',
      accommodations: '午前のみ・2日間。作業は部品の仕分けと磨きに絞り、手順を1つずつ示す。',
      hostContactName: '工房長 大野',
      note: '本人の希望（電気・機械の知識を生かしたい）から、職場体験として提案。',
    },
    'shuro',
  );
  await step(s, caseId, trial, -40, { action: 'start_trial' }, 'shuro');
  await followUp(
    s,
    caseId,
    trial,
    -39,
    {
      withWhom: 'host',
      note: '大野工房長から。手順を1つずつ示すと正確に進める。午後は疲れが見えたので、午前のみで正解だった。',
    },
    'shuro',
  );
  await step(
    s,
    caseId,
    trial,
    -33,
    {
      action: 'end',
      endReason: 'goal_reached',
      endNote: '2日間の職場体験を予定どおり終えた。自転車整備に関心を持ち、今後の選択肢に加える。',
    },
    'shuro',
  );
  await followUp(
    s,
    caseId,
    trial,
    -33,
    {
      withWhom: 'person',
      note: '「電気の知識が生かせそう」。農園での中間的就労は続け、自転車整備の仕事も調べてみる。',
    },
    'shuro',
  );
}

/** The salon's worries: one passed to the 地域包括支援センター, one still open. */
async function salonIssues(s: DemoScript, salonId: string, exerciseId: string) {
  s.on(-20, '13:00');
  const worry = await recordIssue(
    s.deps,
    s.as('shunin'),
    issueFields.parse({
      baseId: salonId,
      activityId: exerciseId,
      noticedOn: s.date(-20),
      description:
        '毎週来ていた80代の女性が3週続けて休んでいる。電話にも出ないと参加者が心配している。',
    }),
  );
  s.on(-19, '10:00');
  await passIssue(
    s.deps,
    s.as('shunin'),
    worry.id,
    passIssueBody.parse({
      version: worry.version,
      to: 'partner_agency',
      partnerAgencyId: s.partner(careCentre),
      passedOn: s.date(-19),
      note: '地域包括支援センターに見守り訪問を依頼した。',
    }),
  );
  s.on(-6, '12:30');
  await recordIssue(
    s.deps,
    s.as('shunin'),
    issueFields.parse({
      baseId: salonId,
      noticedOn: s.date(-6),
      description:
        '参加者から、近所の小学生が夕方いつも一人で過ごし、食事を十分にとれていない様子だと聞いた。',
    }),
  );
}
