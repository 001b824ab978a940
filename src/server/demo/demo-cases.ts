import { saveAssessment } from '../assessments/save-assessment';
import { assessmentFields } from '../assessments/schema';
import { startAssessment } from '../assessments/start-assessment';
import { assignCase } from '../cases/assign-case';
import { closeCase } from '../cases/close-case';
import { openDetection } from '../cases/open-detection';
import { openIntake } from '../cases/open-intake';
import { recordIntake } from '../cases/record-intake';
import {
  closureBody,
  intakeFields,
  openDetectionBody,
  openIntakeBody,
  triageBody,
} from '../cases/schema';
import { triageCase } from '../cases/triage-case';
import { saveHousehold } from '../persons/save-household';
import { householdBody, personUpdateBody } from '../persons/schema';
import { updatePerson } from '../persons/update-person';
import type { DemoScript, PlanLine } from './demo-script';

/**
 * The demo caseload of 架空市: three people whose support follows the three case examples of the
 * national guide (事例1–3 in seed 002 — a man who lost his home, a young man who had withdrawn
 * from the world, a woman and the family she had left), and three newer cases so every list on
 * the home page has something in it. Names, addresses and numbers are invented; the stories are
 * told in days before today, so the demo is always current.
 */
export async function seedDemoCases(s: DemoScript, districts: Record<string, string>) {
  await storyA(s, districts);
  await storyB(s, districts);
  await storyC(s, districts);
  await newerCases(s, districts);
}

function birthYearsAgo(s: DemoScript, years: number, monthDay: string): string {
  return `${Number(s.today.slice(0, 4)) - years}-${monthDay}`;
}

async function personOf(s: DemoScript, caseId: string) {
  return s.deps.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select(['person.id', 'person.version'])
    .where('support_case.id', '=', caseId)
    .executeTakeFirstOrThrow();
}

async function memberIds(s: DemoScript, personId: string): Promise<Record<string, string>> {
  const rows = await s.deps.database.db
    .selectFrom('household_member')
    .select(['id', 'name'])
    .where('person_id', '=', personId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

async function assignTeam(
  s: DemoScript,
  caseId: string,
  offset: number,
  team: ('shuro' | 'kakei')[],
) {
  s.on(offset, '09:15');
  await assignCase(s.deps, s.as('shunin'), caseId, {
    version: await s.caseVersion(caseId),
    leadWorkerId: s.userId('shien'),
    teamUserIds: team.map((t) => s.userId(t)),
  });
}

export async function triageContinue(s: DemoScript, caseId: string, offset: number, note: string) {
  s.on(offset, '12:00');
  await triageCase(
    s.deps,
    s.as('shien'),
    caseId,
    triageBody.parse({ version: await s.caseVersion(caseId), outcome: 'continue', note }),
  );
}

/**
 * Aさん (事例1): 40代, lost agency work and then his home, found collapsed in the street. The
 * hospital's MSW and the 生活保護 caseworker bring him to the centre; four plans follow as the
 * direction changes from work first to health, money and a place to belong, then graded work.
 */
async function storyA(s: DemoScript, districts: Record<string, string>) {
  s.on(-250, '14:00');
  const opened = await openDetection(
    s.deps,
    s.as('shien'),
    openDetectionBody.parse({
      person: {
        name: '海野 健二',
        nameKana: 'うみの けんじ',
        sex: 'male',
        birthDate: birthYearsAgo(s, 46, '06-14'),
        safeContact: '入院中は架空総合病院 医療福祉相談室（MSW）を通じて連絡する。',
        sensitiveCategories: ['health'],
      },
      detection: {
        detectedOn: s.date(-250),
        source: 'partner_agency',
        sourceDetail: '架空総合病院 医療福祉相談室（MSW）から、生活保護担当CWを通じて相談',
        signs:
          '路上で倒れているところを発見され救急搬送、入院中。アパートを退去させられ路上生活をしていた。派遣の仕事を失い収入がない。',
        approachPlan:
          '病院で本人と面会し、退院後の家計の相談と就労支援について意向を確認する。生活保護担当CW・社協と退院後の支援を話し合う。',
      },
    }),
  );
  const id = opened.id;
  await s.emergency(id, -249, {
    kind: 'public_assistance',
    requestedOn: s.date(-251),
    startedOn: s.date(-247),
    endedOn: s.date(-160),
    outcome: 'provided',
    detail:
      'MSWが入院中に生活保護の申請を支援。保護費により住居（アパート）を確保し、MSWが契約手続を行った。失業給付の決定に伴い保護は停止。',
  });
  await s.contact(id, -248, '14:00', 'shien', {
    mode: 'visit',
    place: '架空総合病院 病棟面会室',
    participants: '本人、生活保護担当CW、相談支援員',
    summary:
      '入院中の本人と初めて面会。生活歴を聴き取る。派遣切りで失業し、借金のため実家は差し押さえ。姉家族の生活も支えていたが、アパートを追い出され路上生活となった。',
    personState: '体調はまだ回復途中。「今回の入院で懲りた」と話す。',
    judgement: '退院後の家計の相談と就労支援が必要。本人の支援を受ける意思は明確。',
    nextStep: '相談受付を行い、退院後の支援体制を関係者と話し合う。',
  });
  s.on(-246, '13:30');
  await recordIntake(s.deps, s.as('shien'), id, {
    version: await s.caseVersion(id),
    intake: intakeFields.parse({
      receivedOn: s.date(-246),
      routeIn: 'municipal_department',
      routeDetail: '生活保護担当CW（架空総合病院MSWからの依頼）',
      topics: [
        'health_disability',
        'housing',
        'income',
        'tax_utilities',
        'debt',
        'job_search',
        'other',
      ],
      mainTopic: 'income',
      topicOther: '少額のお金が入るとパチンコに使ってしまう。漢字や書類を読むのが苦手。',
      consultationText: '今回の入院で懲りた。とにかく体調を回復したいし、生活を安定させたい。',
      wishes: 'あらゆる支援を受けるつもりでいる。自分に合う仕事を見つけたい。',
      visitorName: '西川 大輔',
      visitorPhone: '0120-000-404',
      visitorRelation: '生活保護担当CW',
      workStatus: 'unemployed',
      housingStatus: 'rough_sleeping',
      healthInsurance: 'public_assistance',
      pensionStatus: 'unpaid',
      urgency: 'soon',
    }),
  });
  await triageContinue(
    s,
    id,
    -246,
    '退院後の家計相談と就労支援の依頼。失業給付の決定後、保護は停止予定。',
  );
  await s.consent(id, -246, {
    signedBy: 'person',
    explanationGiven: true,
    partnerAgencyIds: [
      s.partner('架空市福祉事務所 生活保護担当'),
      s.partner('架空総合病院 医療福祉相談室'),
      s.partner('ハローワーク架空'),
      s.partner('架空法律事務所'),
    ],
    purposes: ['coordination_meeting', 'partner_liaison', 'household_budget', 'employment_support'],
  });
  await assignTeam(s, id, -245, ['shuro', 'kakei']);
  await s.contact(id, -238, '15:00', 'shien', {
    mode: 'meeting',
    place: '架空総合病院 相談室',
    participants: '相談支援員、生活保護担当CW、社協（家計改善支援員）',
    summary:
      '入院中に関係者で集まり、退院後にそれぞれ何ができるかを話し合い、プラン案の骨子を作成した。',
    nextStep: '退院と失業給付の決定を待って、本人を交えて支援調整会議を開く。',
  });
  const person = await personOf(s, id);
  s.on(-215);
  await updatePerson(
    s.deps,
    s.as('shien'),
    person.id,
    personUpdateBody.parse({
      version: person.version,
      name: '海野 健二',
      nameKana: 'うみの けんじ',
      sex: 'male',
      birthDate: birthYearsAgo(s, 46, '06-14'),
      postalCode: '100-0021',
      addressPrefecture: '架空県',
      addressCity: '架空市',
      addressStreet: '東町二丁目8番',
      addressBuilding: 'コーポ架空 103号室',
      districtId: districts.東地区,
      phoneMobile: '090-0000-3101',
      safeContact: '携帯電話。出ないときは自宅へ訪問する。',
      sensitiveCategories: ['health'],
    }),
  );
  await s.contact(id, -170, '10:30', 'shien', {
    mode: 'phone',
    participants: '生活保護担当CW',
    summary: 'CWから連絡。失業給付の支給が決定し、生活保護は停止となる。本人は退院済み。',
    nextStep: '本人宅を訪問し、アセスメントを進める。',
  });

  await s.assess(
    id,
    { start: -166, complete: -160, review: -159 },
    {
      strengths:
        '工業高校（定時制・電気工業科）卒業で電気や研磨の知識がある。イラストやウェブデザインが得意。関係性を築けば支援を受け入れる人柄。',
      prognosis: 'improve',
      workerView:
        '話を聞く限り自立可能な人であり、体調の回復を待って就労支援ができると思われる。体調管理を含めた生活面の支援と、収入の範囲内で暮らせるよう家計の相談が必要。課題が複数想定され、時間をかけて関わる。',
      domains: [
        {
          domain: 'health',
          situation:
            '退院後も立ちくらみがある。退院時の受診の指示（いつ受診すればよいか）を理解できていなかった。',
          issues: '通院の継続と体調管理',
          sources: ['person', 'others'],
        },
        {
          domain: 'housing',
          situation: '入院中にMSWがアパートを確保（保護費で契約）。冷蔵庫がない。',
          sources: ['others', 'observation'],
        },
        {
          domain: 'income_budget_debt',
          situation:
            '失業給付で生活。リフォームローンの残債と市民税の滞納がある。お金のことを聞くと「忘れた」「覚えていない」が多い。レシートを持ってこない。',
          issues: '債務整理、滞納の整理、家計管理',
          directFactors: '不安定な派遣就労と失業、実家の差し押さえ',
          indirectFactors: 'パチンコへの支出、勧められるまま契約してしまう',
          sources: ['person', 'others'],
        },
        {
          domain: 'work',
          situation: '派遣など不安定な就労を繰り返し、派遣切りで失業。一家の稼ぎ手だった。',
          issues: '本人に合った仕事の見極め',
          sources: ['person'],
        },
        {
          domain: 'literacy_communication',
          situation:
            '漢字や書類を読むのが苦手。窓口で自分の状況を説明できない。自分の関心事を一方的に話す。',
          issues: '手続の同行・代弁が必要',
          sources: ['observation'],
        },
        {
          domain: 'family',
          situation: '両親は他界。姉と子ども5人は実家の差し押さえに伴い別居し、生活保護を受給。',
          sources: ['person', 'others'],
        },
      ],
    },
    '複数の課題があり、体調と家計の安定を先に。就労は本人のペースを確かめながら進めること。',
  );

  await s.emergency(id, -156, {
    kind: 'food',
    requestedOn: s.date(-156),
    startedOn: s.date(-156),
    endedOn: s.date(-156),
    outcome: 'provided',
    detail:
      '生活費を切り詰める必要があるため、お米など緊急物資を手渡し。食事の工夫について助言した。',
  });
  await s.plan(
    id,
    {
      longTermGoal:
        '体調を整え、自分の収入の範囲で安定した生活を送りながら、自分に合った仕事に就く。',
      periodStart: s.date(-155),
      periodEnd: s.date(-65),
      personWords:
        '今回の入院で懲りており、あらゆる支援を受けるつもりでいる。とにかく体調を回復したいし、生活を安定させたい。',
      signatureOn: s.date(-156),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'household_budget'],
      monitoringDates: [-125, -95],
      budgetPlan:
        '失業給付の範囲で生活費を組み立てる。レシートを箱に入れて持参し、月1回一緒に振り返る。',
      goals: [
        {
          goal: '債務整理、家計の相談を受ける',
          indicator: 'ローンの整理の見通しが立つ。毎月の収支がわかる。',
        },
        {
          goal: '病気の治療や体調管理をしっかり行う',
          indicator: '通院を続け、立ちくらみがなくなる。',
        },
        {
          goal: '自分に合う仕事を見つけられるよう相談する',
          indicator: '希望する仕事を言葉にできる。',
        },
      ],
      services: [
        {
          content: '生活保護受給申請',
          providerPartnerAgencyId: s.partner('架空市福祉事務所 生活保護担当'),
          serviceClass: 'B',
          endOn: s.date(-160),
        },
        {
          content: '体調管理・治療継続のための支援（定期面談）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '週1回',
        },
        {
          content: '弁護士相談の予約・同行',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '1回',
        },
        {
          content: '債務整理（リフォームローン）',
          providerPartnerAgencyId: s.partner('架空法律事務所'),
          serviceClass: 'C',
        },
        {
          content: '住所変更の手続支援・同行、市民税滞納の代弁',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '1回',
        },
        {
          content: '病院の診療予約',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '1回',
        },
        {
          content: '買い物への同行（冷蔵庫の購入）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '1回',
        },
        {
          content: '家計の相談、家計管理の指導',
          providerName: '架空市社会福祉協議会（家計改善支援）',
          serviceClass: 'A',
          programme: 'household_budget',
          frequency: '月1回',
        },
      ],
    },
    {
      write: -159,
      submit: -158,
      adopt: -156,
      adoptNote:
        '支援調整会議①（本人、生活保護担当CW、社協、当センター）。プランを読み上げて説明し、本人が了承して署名。役割分担：生活全般の相談と就労支援は当センター、家計の相談は社協。',
      decide: -155,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'household_budget'],
      },
      start: -155,
    },
  );
  await s.contact(id, -150, '10:00', 'shien', {
    mode: 'accompany',
    place: '架空法律事務所',
    participants: '本人、弁護士、相談支援員',
    summary: '弁護士相談に同行。リフォームローンの残債について債務整理を依頼した。',
    personState: '説明を受けて安心した様子。',
  });
  await s.contact(id, -141, '13:30', 'shien', {
    mode: 'accompany',
    place: '市役所 市民課・納税課',
    summary:
      '住所変更の手続に同行。納税課では本人が説明できないため、市民税滞納の経緯を代弁し、分納の相談をした。',
  });
  await s.contact(id, -139, '09:30', 'shien', {
    mode: 'phone',
    summary: '病院に受診予約の電話。立ちくらみについて受診できるよう受診券を手配した。',
  });
  await s.contact(id, -134, '14:00', 'shien', {
    mode: 'accompany',
    place: '市内の家電量販店',
    summary: '冷蔵庫の購入に同行。予算内で選べるよう一緒に比べた。',
    personState: '電気の知識を生かして製品を説明してくれる。表情が明るい。',
  });
  await s.contact(id, -127, '10:00', 'kakei', {
    mode: 'interview',
    place: '社協 くらしサポート窓口',
    summary: '家計の相談。レシートを入れる箱を渡し、次回から持参してもらうことにした。',
  });
  await s.monitor(id, -125, -125, {
    servicesDelivered:
      '弁護士相談・債務整理、住所変更と市民税の相談への同行、受診予約、家計の相談（月1回）',
    progress:
      'ローンの整理が進み、体調も安定してきた。当面の生活に安堵している。仕事探しを始めることに同意。',
    changes: '体調と生活費が落ち着いた。',
    nextAction: 'evaluate_early',
  });
  await s.evaluate(
    id,
    -122,
    [
      ['achieved', '債務整理の見通しが立ち、家計の相談も続いている。'],
      ['achieved', '通院を続け、立ちくらみは落ち着いた。'],
      ['partly', '仕事探しを始めることに同意。'],
    ],
    {
      supportReview:
        '保護費の支給、失業給付の決定、債務整理により当面の生活に安堵。就労に向けた支援に進む。',
      personView: '再び生活保護を受けなくてもいいように仕事を探していきたい。',
      improvements: ['health_improved', 'budget_improved', 'sense_of_security', 'asks_for_help'],
      decision: 'replan',
    },
  );

  await s.plan(
    id,
    {
      longTermGoal: '体調を保ちながら仕事に就き、自分の収入で安定した生活を送る。',
      periodStart: s.date(-117),
      periodEnd: s.date(-27),
      personWords: '再び生保を受給しなくてもいいように仕事を探していく。',
      signatureOn: s.date(-118),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'household_budget'],
      monitoringDates: [-103, -89],
      budgetPlan: '日々の家計を自分で管理し、月1回チェックと助言を受ける。',
      goals: [
        { goal: 'ハローワークへの同伴で仕事を見つける' },
        { goal: '履歴書の書き方などの支援を受ける' },
        { goal: '自分に合う仕事が何か相談にのってもらう' },
        { goal: '日々の家計の管理を自ら行い、チェックと助言を受けられる' },
        { goal: 'お金が必要な場合や請求書などが届いた時には相談ができる' },
        { goal: '仕事が継続できる体力の増進のため、健康面での調整ができる' },
        { goal: '就労について困ったことは何でも相談できる' },
      ],
      services: [
        {
          content: '求人情報の紹介、就職相談',
          providerPartnerAgencyId: s.partner('ハローワーク架空'),
          serviceClass: 'B',
        },
        {
          content: 'ハローワークへの同行、就職相談、履歴書作成・面接の準備支援',
          providerName: '就労相談員（外部委託）',
          serviceClass: 'E',
          frequency: '週1回',
        },
        {
          content: '体調管理・治療継続のための支援（定期面談）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '週1回',
        },
        {
          content: '家計の相談、家計管理の指導',
          providerName: '架空市社会福祉協議会（家計改善支援）',
          serviceClass: 'A',
          programme: 'household_budget',
          frequency: '月1回',
        },
      ],
    },
    {
      write: -121,
      submit: -120,
      adopt: -118,
      adoptNote:
        '支援調整会議②（本人、生活保護担当CW、就労相談員、社協、当センター）。就労相談員を紹介し、毎週1回就労のための面談を行う。お金のことで何かあればすぐ相談することを確認。',
      decide: -117,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'household_budget'],
      },
      start: -117,
    },
  );
  await s.contact(id, -114, '10:00', 'shuro', {
    mode: 'accompany',
    place: 'ハローワーク架空',
    summary: 'ハローワークに同行し、求人を一緒に検索。製造と設備保守の求人に応募することにした。',
  });
  await s.contact(id, -110, '14:00', 'shuro', {
    mode: 'interview',
    summary: '履歴書の作成と面接の練習。電気工業科での学びを書き出した。',
  });
  await s.contact(id, -103, '10:00', 'shien', {
    mode: 'phone',
    reached: false,
    summary: '定期面談に来所せず。携帯電話にかけたが応答なし。',
    nextStep: '明後日に自宅を訪問する。',
  });
  await s.contact(id, -101, '15:00', 'shien', {
    mode: 'visit',
    reached: false,
    place: '本人宅',
    summary: '自宅を訪問したが不在。連絡を求める手紙を投函した。',
  });
  await s.contact(id, -99, '11:00', 'shien', {
    mode: 'interview',
    summary:
      '本人が来所。3社の面接を受けたがいずれも不採用だった。「実はまだ自信がない…」と話す。以前の職場での精神的な負担の話が出た。',
    personState: '表情が硬い。',
    judgement:
      '以前も働いていたという一点だけで、すぐに職に就けると思い込んでいた。対人関係の力をつけることが先。',
    nextStep: 'プラン評価を前倒しし、目標を考え直す。',
  });
  await s.monitor(id, -103, -99, {
    servicesDelivered: 'ハローワーク同行、履歴書作成・面接練習（週1回）、家計の相談',
    progress: '1か月仕事を探したが不採用が続き、定期面談を2回続けて欠席した。',
    changes: '就労への自信を失っている。',
    nextAction: 'evaluate_early',
  });
  await s.evaluate(
    id,
    -97,
    [
      ['not_achieved', '3社不採用。'],
      ['achieved', '履歴書を自分で書けるようになった。'],
      ['partly', 'デザインの仕事をしたかったことがわかった。'],
      ['partly', 'レシートは持参できている。'],
      ['achieved', '請求書が届くと相談に来られている。'],
      ['partly', ''],
      ['not_achieved', '不安を言い出せずに面談を休んだ。'],
    ],
    {
      supportReview:
        '就労を最優先して支援を進めてきたが、目標を考え直す必要があると参加者で話し合った。担当から「仕事をがんばらせ過ぎてごめんね」と伝え、本人は「ちょっと不安でした」と答えた。',
      personView: 'ちょっと不安でした。',
      improvements: ['asks_for_help'],
      decision: 'replan',
    },
  );

  await s.plan(
    id,
    {
      longTermGoal: '心身ともに安定し、人との関わりを楽しみながら、自分に合った働き方を見つける。',
      periodStart: s.date(-92),
      periodEnd: s.date(-2),
      personWords: '以前からデザインの仕事をしたかった。',
      signatureOn: s.date(-93),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'household_budget'],
      monitoringDates: [-78],
      goals: [
        { goal: '心身ともに安定し、ストレスへの対処方法、対人関係のスキルを身に着ける' },
        { goal: '金銭管理と金銭トラブルに巻き込まれないよう相談する' },
        { goal: '自分に合う仕事を相談する' },
      ],
      services: [
        {
          content: '面談（SSTの面接シートを使い、社会福祉士と対人関係の練習）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '週1回',
        },
        {
          content: '社会参加支援（居場所づくり）',
          providerName: '架空市社会福祉協議会',
          serviceClass: 'C',
          frequency: '月1回程度',
        },
        {
          content: '家計の相談、家計管理の指導',
          providerName: '架空市社会福祉協議会（家計改善支援）',
          serviceClass: 'A',
          programme: 'household_budget',
          frequency: '月1回',
        },
        {
          content: '就職相談',
          providerName: '就労相談員（外部委託）',
          serviceClass: 'E',
          frequency: '月1回',
        },
      ],
    },
    {
      write: -96,
      submit: -95,
      adopt: -93,
      adoptNote:
        '支援調整会議③（本人、生活保護担当CW、就労相談員、社協、当センター）。就労支援の前の段階として、気軽に集まり社会とのつながりを楽しめる場を社協が試行する（第1回は料理）。',
      decide: -92,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'household_budget'],
      },
      start: -92,
    },
  );
  await s.contact(id, -90, '14:00', 'shien', {
    mode: 'interview',
    participants: '本人、社会福祉士、相談支援員',
    summary: 'SSTの面接シートを使い、断り方・頼み方を練習。週1回の面談を再開した。',
  });
  await s.contact(id, -84, '10:00', 'shien', {
    mode: 'visit',
    place: '社協 地域交流室',
    summary: '居場所の第1回（カレーと肉じゃがづくり）。本人がチラシの絵を描き、調理班で活躍した。',
    personState: '「すごく楽しかった」と話す。',
  });
  await s.contact(id, -77, '10:00', 'kakei', {
    mode: 'interview',
    summary: '家計の相談。レシートの整理から、パソコンの家計簿に移ることにした。',
  });
  await s.monitor(id, -78, -77, {
    servicesDelivered: '週1回の面談（SST）、居場所（料理）、家計の相談',
    progress: '面談に毎週来所。居場所で役割を持ち、表情がよくなってきた。',
    nextAction: 'continue',
  });
  await s.contact(id, -72, '13:00', 'shien', {
    mode: 'visit',
    place: '社協 地域交流室',
    summary: '居場所の第2回（網戸の張り替えボランティア）。手際がよく、参加者に教えていた。',
  });
  await s.contact(id, -68, '10:30', 'kakei', {
    mode: 'interview',
    summary:
      '家計簿の確認中に、社協の総合支援資金を6回にわたり約65万円借りていたことが判明。本人は「覚えていない」と話す。返済計画を一緒に立てる。',
    nextStep: '債務の状況を整理し、支援調整会議で共有する。',
  });
  await s.evaluate(
    id,
    -62,
    [
      ['achieved', '表情がよくなり、居場所で役割を持てた。'],
      ['partly', '家計簿はつけられるが、過去の借入が判明。'],
      ['partly', 'デザインや電気の知識を生かしたい。'],
    ],
    {
      supportReview:
        '心身が安定し、表情がよくなってきた。次の段階として、中間的就労の場で段階的に訓練する。',
      personView: 'イベントはみんなと食事をして楽しかった。',
      improvements: ['relationships_improved', 'motivation', 'daily_habits', 'self_acceptance'],
      decision: 'replan',
    },
  );

  await s.plan(
    id,
    {
      longTermGoal: 'フルタイムで働くことを目指し、中間的就労で段階的に力をつける。',
      periodStart: s.date(-56),
      periodEnd: s.date(124),
      personWords: '自分のペースで働けるようになりたい。',
      signatureOn: s.date(-58),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'household_budget'],
      monitoringDates: [-26, 4, 34, 64, 94],
      budgetPlan: 'パソコンの家計簿を自分でつけ、月1回確認。社協の借入は返済計画に沿って返す。',
      goals: [
        { goal: '就労の準備として中間的就労の場を利用する', indicator: '週3日通う。' },
        { goal: '日々の家計の管理が自らできるようになる' },
        { goal: '健康面の相談など、どこに相談していいかわからないこと、困ったことは相談できる' },
        {
          goal: '地域の中で他者との関わりをもち、ボランティア活動等を通じて仕事に対する精神的負荷をやわらげる',
        },
      ],
      services: [
        {
          content: '中間的就労の場の提供',
          providerPartnerAgencyId: s.partner('架空市基幹相談支援センター'),
          providerName: '障害者就業・生活支援センター',
          serviceClass: 'B',
          frequency: '週3日',
        },
        {
          content: '家計の相談、家計管理の指導',
          providerName: '架空市社会福祉協議会（家計改善支援）',
          serviceClass: 'A',
          programme: 'household_budget',
          frequency: '月1回',
        },
        {
          content: '体調管理・困りごとの相談（定期面談）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: '2週に1回',
        },
        {
          content: '社会参加支援（居場所）',
          providerName: '架空市社会福祉協議会',
          serviceClass: 'C',
          frequency: '月1回',
        },
      ],
    },
    {
      write: -61,
      submit: -60,
      adopt: -58,
      adoptNote:
        '支援調整会議④（本人、生活保護担当CW、就労相談員、社協、就労支援機関、当センター）。本人の希望を聞きながら、中間的就労・職業体験・見学を進める。債務や滞納を整理する。',
      decide: -57,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'household_budget'],
      },
      start: -56,
    },
  );
  await s.contact(id, -50, '09:30', 'shuro', {
    mode: 'accompany',
    place: '中間的就労先（農園）',
    summary: '中間的就労の初日に同行。作業の流れを一緒に確認した。',
  });
  await s.monitor(id, -26, -25, {
    servicesDelivered: '中間的就労（週3日）、家計の相談、定期面談',
    progress: '中間的就労に休まず通っている。家計簿も続いている。',
    nextAction: 'continue',
  });
  await s.contact(id, -12, '14:00', 'shien', {
    mode: 'interview',
    summary: '定期面談。作業にも慣れ、週4日に増やしたいと話す。',
    nextStep: '次回モニタリングで日数を相談する。',
  });
}

/**
 * Bさん (事例2): 20代, withdrawn since junior high school, referred by the ハローワーク. Work
 * readiness with the town's events, a job as a 警備員, retention support, then termination with
 * follow-up.
 */
async function storyB(s: DemoScript, districts: Record<string, string>) {
  s.on(-300, '10:00');
  const opened = await openIntake(
    s.deps,
    s.as('shien'),
    openIntakeBody.parse({
      person: {
        name: '岡田 翼',
        nameKana: 'おかだ つばさ',
        sex: 'male',
        birthDate: birthYearsAgo(s, 24, '09-03'),
        postalCode: '100-0033',
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '西町四丁目2番5号',
        districtId: districts.西地区,
        phoneHome: '0120-000-3202',
        safeContact: '自宅の電話。母が出ることが多い。',
        sensitiveCategories: ['disability'],
      },
      intake: {
        receivedOn: s.date(-300),
        routeIn: 'partner_agency',
        routeDetail: 'ハローワーク架空の職業相談窓口から紹介（本人と母が来所）',
        topics: ['job_search', 'withdrawal_truancy', 'family', 'other'],
        mainTopic: 'job_search',
        topicOther: '読み書き（漢字）が苦手',
        consultationText:
          '弟が仕事を始めたので、兄としても仕事をしなくちゃと思った。今は家事手伝いで忙しくしている。',
        wishes:
          '働いて自立したい。家から独立したい。水道や電気工事の仕事を希望。それに合った資格もほしい。',
        visitorName: '岡田 節子',
        visitorRelation: '母',
        workStatus: 'unemployed',
        housingStatus: 'rented',
        healthInsurance: 'national',
        pensionStatus: 'exempt_or_deferred',
        urgency: 'normal',
      },
    }),
  );
  const id = opened.id;
  await triageContinue(
    s,
    id,
    -300,
    'ハローワークからの依頼。就労準備支援事業の利用を視野に継続支援。',
  );
  await s.consent(id, -300, {
    signedBy: 'person',
    explanationGiven: true,
    partnerAgencyIds: [s.partner('ハローワーク架空'), s.partner('架空市基幹相談支援センター')],
    purposes: ['coordination_meeting', 'partner_liaison', 'employment_support'],
  });
  const person = await personOf(s, id);
  s.on(-300, '11:30');
  await saveHousehold(
    s.deps,
    s.as('shien'),
    person.id,
    householdBody.parse({
      version: person.version,
      members: [
        {
          name: '岡田 節子',
          nameKana: 'おかだ せつこ',
          relationship: 'parent',
          sex: 'female',
          age: 52,
          situation: '家事を本人に頼っている。本人を手放したくない気持ちが強い。',
        },
        {
          name: '岡田 拓海',
          nameKana: 'おかだ たくみ',
          relationship: 'sibling',
          sex: 'male',
          age: 22,
          situation: '中学卒業。知的障害の疑い。',
          partnerAgencyIds: [s.partner('架空市基幹相談支援センター')],
        },
        {
          name: '岡田 陸',
          nameKana: 'おかだ りく',
          relationship: 'sibling',
          sex: 'male',
          age: 19,
          situation: '高校卒業。療育手帳B。昨年からスーパーマーケットのバックヤードで働いている。',
          partnerAgencyIds: [s.partner('架空市基幹相談支援センター')],
        },
        {
          name: '岡田 葵',
          nameKana: 'おかだ あおい',
          relationship: 'sibling',
          sex: 'female',
          age: 11,
          situation: '小学生（特別支援学級）。療育手帳B。',
          partnerAgencyIds: [s.partner('架空市基幹相談支援センター')],
        },
      ],
    }),
  );
  await assignTeam(s, id, -299, ['shuro']);
  await s.contact(id, -296, '10:00', 'shien', {
    mode: 'interview',
    summary:
      '本人と個別に面談。朝4時に起きて買い物や茶碗洗いをし、夜7時に寝る生活。警備員の仕事なら自分でもできると思ったと話す（父の仕事を見ていた）。',
    personState: '母の同席時より多く話す。漢字の読み書きに苦手さがある。',
  });
  await s.assess(
    id,
    { start: -296, complete: -288, review: -287 },
    {
      strengths:
        'いろいろな活動に参加したいという意欲がある。わからないことを質問できる。助言を素直に受け止める。',
      prognosis: 'improve',
      workerView:
        '社会経験が相当不足しており、仕事のイメージを持てていない。基礎学力の向上と段階的な就労体験が必要。急激な意識の変化に体調や気持ちがついてくるか、慎重に進める。',
      domains: [
        {
          domain: 'work',
          situation: 'ハローワークで繰り返し応募したが不採用。長期の就労経験はない。',
          issues: '仕事のイメージづくり、応募書類',
          sources: ['person', 'others'],
        },
        {
          domain: 'literacy_communication',
          situation: '求人票が読めない。書けない漢字が多い（小学3年程度から）。',
          issues: '基礎学力の学び直し',
          sources: ['observation'],
        },
        {
          domain: 'family',
          situation:
            '母と弟2人・妹の5人暮らし。弟妹は障害者相談支援事業所が支援。母は長男に稼ぎ手を期待しつつ、手放したくない思いもある。',
          issues: '家族関係の調整',
          sources: ['person', 'others'],
        },
        {
          domain: 'social_participation',
          situation: '中学から不登校気味で、卒業後はひきこもり。',
          sources: ['person'],
        },
      ],
    },
    '就労準備支援事業で、学び直し・就労体験・就職活動準備を段階的に。',
  );
  await s.contact(id, -294, '09:00', 'shien', {
    mode: 'accompany',
    place: '市の観光イベント会場',
    summary: '市の観光イベントでのボランティアに体験参加。',
    personState: '「参加してみたい」と意欲的。',
  });
  await s.contact(id, -290, '13:30', 'shuro', {
    mode: 'accompany',
    place: 'ハローワーク架空',
    summary:
      'ハローワークに同行し、職業訓練ナビゲーターと面談。電気制御エンジニアに関心。求職者支援訓練を提案されたが、経済的事情により断念。',
  });
  await s.plan(
    id,
    {
      longTermGoal: '働いて自立し、いずれは家から独立する。',
      periodStart: s.date(-283),
      periodEnd: s.date(-163),
      personWords:
        '働いて自立したい。家から独立したい。水道や電気工事の仕事を希望。それに合った資格もほしい。',
      signatureOn: s.date(-285),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'work_readiness'],
      monitoringDates: [-253, -223, -193],
      workReadinessProgram:
        '学び直し（週1回）、就労体験（清掃ジョブトレーニング・地域イベント、週1〜2回）、就職活動準備（履歴書・面接練習）を段階的に行う。',
      goals: [
        { goal: '基礎学習の学び直しプログラムに参加する' },
        { goal: '就労体験プログラム（ジョブトレーニング、ボランティア活動等）に参加する' },
        { goal: '就職活動準備プログラムに参加する' },
      ],
      services: [
        {
          content: 'ハローワークへの同行',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
        },
        {
          content: '就労体験プログラムの提供（清掃ジョブトレーニング）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'A',
          programme: 'work_readiness',
          frequency: '週1〜2回',
        },
        {
          content: '家族への相談支援',
          providerPartnerAgencyId: s.partner('架空市基幹相談支援センター'),
          householdMemberId: null,
          serviceClass: 'B',
        },
        {
          content: '学び直しプログラムの提供',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'A',
          programme: 'work_readiness',
          frequency: '週1回',
        },
        {
          content: '就職活動準備の支援（履歴書作成、面接練習）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'A',
          programme: 'work_readiness',
        },
        {
          content: '求人情報の紹介、就職相談',
          providerPartnerAgencyId: s.partner('ハローワーク架空'),
          serviceClass: 'B',
        },
        {
          content: '就労体験プログラムの提供',
          providerName: '架空青年会議所',
          serviceClass: 'A',
          programme: 'work_readiness',
        },
        {
          content: '就労体験プログラムの提供',
          providerName: '架空中央商店街',
          serviceClass: 'A',
          programme: 'work_readiness',
        },
        {
          content: '就労体験プログラムの提供（健康まつり）',
          providerName: '架空市 健康福祉部',
          serviceClass: 'A',
          programme: 'work_readiness',
        },
        {
          content: '就労体験プログラムの提供（バザー）',
          providerName: '就労継続支援B型事業所 かくうの森',
          serviceClass: 'A',
          programme: 'work_readiness',
        },
        {
          content: '就労体験受入れ先の情報提供',
          providerName: '架空市社会福祉協議会',
          serviceClass: 'A',
          programme: 'work_readiness',
        },
      ],
    },
    {
      write: -288,
      submit: -287,
      adopt: -285,
      adoptNote:
        '支援調整会議①（当センター、ハローワーク、社協、障害者相談支援事業所、市）。就労準備支援事業で段階的に支援する。慎重に進める。市の主催イベントや商店街の祭りに参加できるよう調整し、障害者相談支援事業所と情報共有しながら進める。',
      decide: -284,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'work_readiness'],
      },
      start: -283,
    },
  );
  const contacts: [number, string, string][] = [
    [-280, '学び直しの初回。音読み・訓読みや画数から始める。', '「勉強は楽しい」と話す。'],
    [-270, 'フリーマーケットの運営補助を体験。', '客に笑顔であいさつできた。'],
    [-262, '市の健康まつりで会場設営を体験。', ''],
    [-248, '履歴書の作成。字が丁寧になってきた。', ''],
    [-240, '面接練習（2回目）。受け答えが前回より落ち着いた。', ''],
    [-230, '商店街の祭りに参加。運営会社の人とも打ち解けた。', ''],
    [-215, '就労継続支援B型事業所のバザーで販売を体験。', ''],
    [
      -200,
      '面談。「早く就労しなくちゃ、やらなくちゃ」と焦りが見られる。',
      '体調に気をつけるよう声をかけた。',
    ],
  ];
  for (const [day, summary, state] of contacts) {
    await s.contact(id, day, '10:00', day === -248 || day === -240 ? 'shuro' : 'shien', {
      mode: day === -200 ? 'interview' : 'accompany',
      summary,
      personState: state || null,
    });
  }
  await s.monitor(id, -253, -253, {
    servicesDelivered: '学び直し（週1回）、清掃ジョブトレーニング、イベントでの就労体験',
    progress: '休まず参加している。質問ができ、あいさつも自然になってきた。',
    nextAction: 'continue',
  });
  await s.monitor(id, -223, -222, {
    servicesDelivered: '学び直し、就労体験（商店街の祭り）、履歴書作成・面接練習',
    progress: '履歴書の作成や面接練習は回を重ねるごとに前進している。',
    nextAction: 'continue',
  });
  await s.monitor(id, -193, -193, {
    servicesDelivered: '就労体験（週1〜2回）、面接練習',
    progress: '週1〜2回の就労体験プログラムでは、これ以上の変化を見込むことは難しい。',
    changes: '外部での就労体験を増やし、週5日の就労を意識する。',
    nextAction: 'continue',
  });
  await s.contact(id, -170, '14:00', 'shuro', {
    mode: 'interview',
    summary: '新聞折込の求人情報から「警備員」の求人を見つけ、応募。面接の準備をした。',
    personState: '「面接を受けたい」と自分から話した。',
  });
  await s.contact(id, -164, '16:00', 'shuro', {
    mode: 'phone',
    summary: '本人から電話。警備員の採用が決まった。',
  });
  await s.contact(id, -162, '10:00', 'shuro', {
    mode: 'interview',
    summary: '採用書類の記入を一緒に行った。勤務開始は2日後。',
    personState: '「はじめての長期就労で継続できるか不安」と話す。',
  });
  await s.evaluate(
    id,
    -158,
    [
      ['achieved', '小学校高学年程度の漢字が読めるようになった。'],
      ['achieved', 'イベント等で6回の就労体験。'],
      ['achieved', '自分で求人を見つけて応募し、採用された。'],
    ],
    {
      supportReview:
        '支援調整会議②（プラン評価）。警備員として一般就労。就労準備支援事業の継続利用は不要と判断。一般就労を続けられるよう相談支援を続け、家族関係の調整のフォローアップを行う。',
      personView: 'はじめての長期就労で継続できるか不安。',
      employed: true,
      employmentStartedOn: s.date(-160),
      employmentType: 'non_regular',
      incomeIncreased: true,
      incomeNote: '警備員としての給与収入（月額の詳細は未確認）',
      improvements: ['motivation', 'has_goal', 'daily_habits', 'earned_income_increased'],
      decision: 'replan',
    },
  );
  await s.plan(
    id,
    {
      longTermGoal: '仕事を続け、家族と話し合いながら自立に向けて進む。',
      periodStart: s.date(-149),
      periodEnd: s.date(-59),
      personWords: 'はじめての長期就労で継続できるか不安。',
      signatureOn: s.date(-150),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation'],
      monitoringDates: [-120, -90, -60],
      goals: [
        { goal: '就労継続に向けての相談支援を受ける' },
        { goal: '家族を通しての相談に対応する' },
      ],
      services: [
        {
          content: '就労継続のためのフォローアップ、家族との調整、見守り',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
          frequency: 'はじめは2週に1回、その後月1回',
        },
        {
          content: '家族への相談支援（必要に応じて連携）',
          providerPartnerAgencyId: s.partner('架空市基幹相談支援センター'),
          serviceClass: 'B',
        },
      ],
    },
    {
      write: -156,
      submit: -155,
      adopt: -150,
      adoptNote:
        '支援調整会議③（当センター、社協、障害者相談支援事業所、市）。就労継続のための相談支援と家族間の調整を行うプランを了承。',
      decide: -149,
      decision: { kind: 'confirmation', programmesDecided: [] },
      start: -149,
    },
  );
  for (const [day, summary] of [
    [-135, '面談（2週に1回）。職場の人間関係と毎日通えるかの不安を聴いた。'],
    [-121, '面談。市外の出張もこなしている。'],
    [-107, '面談。風邪で1日欠勤したが、事前に会社に連絡できた。'],
    [-93, '面談（月1回に変更）。「だいぶ仕事に慣れてきた」。'],
    [
      -64,
      '面談。社内に友人ができた。家を出たい気持ちが強まっているが、母の理解はまだ得られていない。',
    ],
  ] as const) {
    await s.contact(id, day, '18:30', 'shien', { mode: 'interview', summary });
  }
  await s.monitor(id, -120, -120, {
    progress: '勤務を続けている。職場の人間関係にも慣れてきた。',
    nextAction: 'continue',
  });
  await s.monitor(id, -90, -92, {
    progress: '会社からの信頼も厚くなってきている。面談を月1回に減らす。',
    nextAction: 'continue',
  });
  await s.monitor(id, -60, -61, {
    progress:
      '会社に行くことへの不安は大分軽減した。たまに体調を崩して欠勤や遅刻があるが、事前に会社に連絡できている。',
    nextAction: 'evaluate_early',
  });
  await s.evaluate(
    id,
    -58,
    [
      ['achieved', '3か月勤務を継続。'],
      ['partly', '母の理解は引き続き課題。障害者相談支援事業所と情報共有を続ける。'],
    ],
    {
      supportReview:
        '支援調整会議④。困窮状態が解決し、目標としていた自立の目途が立ったため終結とする。',
      personView: 'だいぶ仕事に慣れてきた。',
      employed: true,
      employmentStartedOn: s.date(-160),
      employmentType: 'non_regular',
      incomeIncreased: true,
      improvements: [
        'relationships_improved',
        'sense_of_security',
        'earned_income_increased',
        'daily_habits',
      ],
      decision: 'terminate',
    },
  );
  s.on(-58, '17:00');
  await closeCase(
    s.deps,
    s.as('shien'),
    id,
    closureBody.parse({
      version: await s.caseVersion(id),
      kind: 'termination',
      decidedOn: s.date(-58),
      reason: 'goals_in_sight',
      reasonDetail: '困窮状態が解決し、目標としていた自立達成の目途が立った。',
      meetingNote:
        '支援調整会議④で終結を確認。勤務先（相談支援員やハローワーク職員の顔見知りの会社）にも協力を依頼し、見守りは続ける。',
      followUp: true,
      followUpBy: s.userId('shien'),
      followUpMethod:
        '月1回程度の電話と来所時の声かけ。勤務先・障害者相談支援事業所と情報を共有する。',
      followUpUntil: s.date(122),
    }),
  );
  await s.status(id, -57, 'start_follow_up', '関係が途切れないよう見守りを続ける。');
  await s.contact(id, -30, '18:30', 'shien', {
    mode: 'interview',
    summary: '仕事帰りに事務所に顔を出してくれた。勤務は順調。',
  });
  await s.contact(id, -8, '19:00', 'shien', {
    mode: 'phone',
    summary: '電話で近況確認。一人暮らしの資金を貯め始めたとのこと。',
  });
}

/**
 * Cさん (事例3): 30代, found by a neighbour and the 民生委員 after she shut herself in; her
 * family of five lives apart in hardship. A team across care, disability, children and the
 * community; contact lapses, she comes back when the rent can no longer be paid.
 */
async function storyC(s: DemoScript, districts: Record<string, string>) {
  s.on(-185, '15:00');
  const opened = await openDetection(
    s.deps,
    s.as('shien'),
    openDetectionBody.parse({
      person: {
        name: '坂口 真由美',
        nameKana: 'さかぐち まゆみ',
        sex: 'female',
        birthDate: birthYearsAgo(s, 36, '02-20'),
        postalCode: '100-0040',
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '北町一丁目14番',
        addressBuilding: 'ハイツ北町 202号室',
        districtId: districts.北地区,
        sensitiveCategories: ['disability', 'criminal_record'],
      },
      detection: {
        detectedOn: s.date(-185),
        source: 'welfare_commissioner',
        sourceDetail: '北地区担当の民生委員（近隣住民から相談を受けた）',
        signs:
          '一人暮らしの女性。このところ閉じこもりがちで、異臭がするなどして近所から苦情が出ている。',
        approachPlan:
          '民生委員・近隣住民と作戦会議を開く。まずは顔なじみの近隣住民から声をかけ、北地区出張相談窓口に誘ってもらう。',
      },
    }),
  );
  const id = opened.id;
  await s.contact(id, -182, '10:00', 'shien', {
    mode: 'meeting',
    place: '北地区市民センター',
    participants: '北地区民生委員、近隣住民（本人とあいさつを交わす間柄）、相談支援員',
    summary:
      '作戦会議。顔なじみの近隣住民から本人に声をかけ、毎週の出張相談窓口に誘ってもらうことにした。',
  });
  s.on(-168, '11:00');
  await recordIntake(s.deps, s.as('shien'), id, {
    version: await s.caseVersion(id),
    intake: intakeFields.parse({
      receivedOn: s.date(-168),
      routeIn: 'outreach',
      routeDetail: '北地区出張相談窓口（近隣住民の声かけで来所）',
      topics: [
        'income',
        'job_search',
        'housing',
        'family',
        'care',
        'health_disability',
        'child_rearing',
        'withdrawal_truancy',
        'community',
      ],
      mainTopic: 'income',
      consultationText:
        '生活に困っている。でも今は何事にもやる気がおきず、これからどうすればいいだろう。自分のこと、家族のこと、何を相談していいか…。',
      wishes: '仕事を見つけて生活を立て直したい。家族のことにはできれば関わりたくない。',
      workStatus: 'unemployed',
      housingStatus: 'rented',
      healthInsurance: 'national',
      pensionStatus: 'unpaid',
      urgency: 'soon',
    }),
  });
  await triageContinue(s, id, -168, '本人の就労と生活の立て直し。家族全体のアセスメントが必要。');
  await s.consent(id, -168, {
    signedBy: 'person',
    explanationGiven: true,
    allAgencies: true,
    purposes: ['coordination_meeting', 'partner_liaison', 'housing', 'employment_support'],
  });
  const person = await personOf(s, id);
  s.on(-165, '16:00');
  await saveHousehold(
    s.deps,
    s.as('shien'),
    person.id,
    householdBody.parse({
      version: person.version,
      members: [
        {
          name: '坂口 勇',
          nameKana: 'さかぐち いさむ',
          relationship: 'parent',
          sex: 'male',
          age: 68,
          livesTogether: false,
          situation: '年金受給。寝たきりで衰弱。',
          partnerAgencyIds: [s.partner('架空市中央地域包括支援センター')],
        },
        {
          name: '坂口 和子',
          nameKana: 'さかぐち かずこ',
          relationship: 'parent',
          sex: 'female',
          age: 58,
          livesTogether: false,
          situation: '不就労。家計を担うが管理が苦手。',
        },
        {
          name: '坂口 隆',
          nameKana: 'さかぐち たかし',
          relationship: 'sibling',
          sex: 'male',
          age: 39,
          livesTogether: false,
          situation: '療育手帳B。更生保護施設に入所中で、近く退所予定。',
          partnerAgencyIds: [s.partner('架空市基幹相談支援センター')],
        },
        {
          name: '坂口 愛',
          nameKana: 'さかぐち あい',
          relationship: 'sibling',
          sex: 'female',
          age: 27,
          livesTogether: false,
          situation: '知的障害の疑い。未婚で子を養育。父の介護を担っていた。',
          partnerAgencyIds: [
            s.partner('架空市こども家庭センター'),
            s.partner('架空市基幹相談支援センター'),
          ],
        },
        {
          name: '坂口 翔太',
          nameKana: 'さかぐち しょうた',
          relationship: 'other_relative',
          sex: 'male',
          age: 9,
          livesTogether: false,
          situation: '妹の子。小学生。療育手帳B、不登校気味。',
          partnerAgencyIds: [s.partner('架空市こども家庭センター')],
        },
      ],
    }),
  );
  await assignTeam(s, id, -165, ['kakei']);
  await s.contact(id, -163, '14:00', 'shien', {
    mode: 'partner_liaison',
    participants: '家族の住む地区の民生委員',
    summary:
      '家族の住む地区の民生委員から間接的に情報を得た。両親・妹・妹の子がワンルームマンションで暮らし、ごみが多く、近所からも心配の声がある。',
  });
  await s.contact(id, -158, '10:30', 'shien', {
    mode: 'visit',
    place: '家族宅（ワンルームマンション）',
    participants: '民生委員、相談支援員（本人には事前に伝えた）',
    summary:
      '家族宅を訪問。玄関から足の踏み場もないほどごみがある。父は寝たきりで衰弱しており、本人の同意を得て緊急入院につないだ。',
    judgement: '家族システムを視野に入れた支援が必要。当センターが総合調整役となる。',
  });
  await s.emergency(id, -158, {
    kind: 'other',
    kindOther: '父の緊急入院の調整',
    requestedOn: s.date(-158),
    startedOn: s.date(-158),
    endedOn: s.date(-158),
    outcome: 'provided',
    detail: '家族宅を訪問した際、寝たきりで衰弱した父の緊急入院を調整した。',
  });
  await s.assess(
    id,
    { start: -157, complete: -150, review: -149 },
    {
      strengths:
        '気にかけてくれる近隣住民と民生委員がいる。父が本人と家族を心配している。家族で助け合って暮らしていた頃の記憶がある。',
      prognosis: 'maintain',
      workerView:
        '本人の就労の妨げは家族のトラブル。経済的困窮、家計管理、母の不就労、兄の累犯、子育て環境の不全など課題が重なる。家族それぞれを専門機関につなぎ、本人と母を中心に当センターが総合調整する。',
      domains: [
        {
          domain: 'work',
          situation: '非正規雇用で転職を繰り返し、解雇されて無職。',
          issues: '求職活動の再開',
          sources: ['person'],
        },
        {
          domain: 'income_budget_debt',
          situation: '貯蓄が残り少ない。',
          issues: '家計の見直し',
          sources: ['person'],
        },
        {
          domain: 'daily_life',
          situation: '何事にも無気力で閉じこもりがち。カップ麺などの食事が多い。',
          sources: ['person', 'observation'],
        },
        {
          domain: 'family',
          situation: '5年前に家を出て一人暮らし。家族とは関わりたくないと話す。',
          issues: '家族への支援体制づくりと本人の負担軽減',
          directFactors: '家族のトラブルに巻き込まれてきた',
          sources: ['person', 'others'],
        },
        {
          domain: 'care',
          situation: '父が寝たきりで、妹が母に代わって介護していた。',
          issues: '介護認定と施設入所',
          sources: ['others', 'observation'],
        },
        {
          domain: 'children',
          situation: '妹の子は不登校気味で、養育が足りていない。',
          issues: '子どもの安全と学校との連携',
          sources: ['others'],
        },
      ],
    },
    '家族全体の支援は各専門機関に委ね、本人の生活と就労に焦点を当てること。',
  );
  await s.contact(id, -152, '14:00', 'shien', {
    mode: 'accompany',
    place: '架空総合病院',
    participants: '地域包括支援センター職員、介護支援専門員、相談支援員',
    summary:
      '入院中の父を訪問。介護認定を申請し、要介護5の認定後は介護療養型医療施設に入所する見込み。',
  });
  await s.contact(id, -146, '17:30', 'shien', {
    mode: 'partner_liaison',
    participants: '警察署、児童相談所',
    summary:
      '妹がコンビニで万引きをして警察に通報された。子の養育について児童相談所に通告し、警察署に出向いて子の状況を説明した。子は児童養護施設で保護されることになった。',
  });
  await s.emergency(id, -146, {
    kind: 'other',
    kindOther: '児童相談所への通告（妹の子）',
    requestedOn: s.date(-146),
    startedOn: s.date(-146),
    outcome: 'provided',
    detail: '妹が警察に保護されたため、子の養育について児童相談所に通告。子は児童養護施設へ。',
  });
  await s.contact(id, -140, '13:00', 'shien', {
    mode: 'interview',
    summary:
      '本人に家族の状況を伝えた。「これ以上家族のことで面倒なことに巻き込まれたくない」と話す。父が本人に会いたがっていることを伝えた。',
    personState: '「また家族のトラブルに巻き込まれるのではないか」と不安そう。',
  });
  const m = await memberIds(s, person.id);
  // Who does what for the family, and the watch around them: the same in the plan and its change.
  const familyLines: PlanLine[] = [
    {
      content: '支援チームの調整',
      providerName: '架空市生活支援相談センター',
      serviceClass: 'D',
    },
    {
      content: '家族支援（適切な専門機関への連絡、同行訪問等）',
      providerName: '架空市生活支援相談センター',
      serviceClass: 'D',
    },
    {
      content: '家族支援（父）',
      providerPartnerAgencyId: s.partner('架空市中央地域包括支援センター'),
      householdMemberId: m['坂口 勇'],
      serviceClass: 'B',
    },
    {
      content: '家族支援（妹とその子ども）',
      providerName: '架空市福祉事務所（障害・児童）',
      householdMemberId: m['坂口 愛'],
      serviceClass: 'B',
    },
    {
      content: '家族支援（妹とその子ども）',
      providerPartnerAgencyId: s.partner('架空市こども家庭センター'),
      providerName: '児童相談所',
      householdMemberId: m['坂口 翔太'],
      serviceClass: 'B',
    },
    {
      content: '家族支援（妹とその子ども）',
      providerName: '架空市立北小学校',
      householdMemberId: m['坂口 翔太'],
      serviceClass: 'C',
    },
    {
      content: '家族支援（兄）',
      providerName: '保護司',
      householdMemberId: m['坂口 隆'],
      serviceClass: 'C',
    },
    {
      content: '家族支援（兄）',
      providerName: 'キーパーソン（大家）',
      householdMemberId: m['坂口 隆'],
      serviceClass: 'C',
    },
    {
      content: '家族支援（兄）',
      providerPartnerAgencyId: s.partner('架空市基幹相談支援センター'),
      householdMemberId: m['坂口 隆'],
      serviceClass: 'B',
    },
    {
      content: '家族支援（兄）',
      providerName: '架空市社会福祉協議会（権利擁護サポートセンター）',
      householdMemberId: m['坂口 隆'],
      serviceClass: 'B',
    },
    {
      content: '家族支援（母）：面談と家計相談',
      providerName: '架空市社会福祉協議会（家計改善支援）',
      householdMemberId: m['坂口 和子'],
      serviceClass: 'A',
      programme: 'household_budget',
      frequency: '月1回',
    },
  ];
  const localLines: PlanLine[] = [
    {
      content: 'ハローワーク同行',
      providerName: '架空市生活支援相談センター',
      serviceClass: 'D',
    },
    {
      content: '地域の見守り体制構築',
      providerName: '架空市生活支援相談センター',
      serviceClass: 'D',
    },
    {
      content: '地域の見守り体制構築',
      providerPartnerAgencyId: s.partner('架空市民生委員児童委員協議会'),
      serviceClass: 'C',
    },
    {
      content: '地域の見守り体制構築',
      providerName: '近隣住民、キーパーソン',
      serviceClass: 'C',
    },
  ];
  await s.plan(
    id,
    {
      longTermGoal: '家族のことを各機関に任せながら、自分の生活を立て直し、仕事に就く。',
      periodStart: s.date(-133),
      periodEnd: s.date(47),
      personWords: '1人では抱えきれないが、いろんな人が一緒に考えてくれるから前に進んでみよう。',
      signatureOn: s.date(-134),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'household_budget'],
      monitoringDates: [-103, -73, -43, -13, 17],
      goals: [
        { goal: '定期的に面談し、自分の生活と求職活動を立て直す' },
        { goal: '家族の支援を各機関に担ってもらい、自分の負担を減らす' },
        { goal: '地域の人に見守ってもらいながら暮らす' },
      ],
      services: [...familyLines, ...localLines],
    },
    {
      write: -138,
      submit: -137,
      adopt: -134,
      adoptNote:
        '支援調整会議①（高齢・障害・児童の各関係機関、当センター。行政の関係各課にも連絡）。家族それぞれの課題を整理し、役割分担を確認した。本人への支援と、家族に対する地域の見守り体制について協議。',
      decide: -133,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'household_budget'],
      },
      start: -133,
    },
  );
  await s.contact(id, -128, '18:00', 'shien', {
    mode: 'meeting',
    place: '北地区市民センター',
    participants: '社協CSW、民生委員・児童委員、近隣住民、小学校',
    summary:
      '地域向けのカンファレンス。地域の見守りを支える大切な支援者であることを伝え、支援チームとしての認識を深めた。',
  });
  await s.contact(id, -120, '10:00', 'shien', {
    mode: 'partner_liaison',
    participants: '基幹相談支援センター、社協（権利擁護）、保護司、大家',
    summary:
      '兄の退所に向けて支援チームを拡大。大家がキーパーソンとなる。小学校の教頭にも連絡した。',
  });
  await s.monitor(id, -103, -103, {
    servicesDelivered: '父：地域包括、妹と子：こども家庭センター・小学校、兄：基幹・保護司',
    progress: '家族それぞれに担当機関がついた。本人は家族の件から距離を置けている。',
    nextAction: 'continue',
  });
  for (const [day, mode, summary] of [
    [-112, 'phone', '定期面談の日程確認の電話。応答なし。'],
    [-104, 'phone', '再度電話したが応答なし。'],
    [-96, 'letter', '連絡を待っている旨の手紙を郵送した。'],
  ] as const) {
    await s.contact(id, day, '10:00', 'shien', { mode, reached: false, summary });
  }
  await s.monitor(id, -73, -72, {
    progress: '本人との連絡が途絶えがち。家族への支援は各機関で続いている。',
    changes: '本人と連絡が取れない。',
    nextAction: 'continue',
  });
  await s.contact(id, -66, '11:00', 'shien', {
    mode: 'interview',
    summary: '本人が来所。家賃が払えなくなったとのこと。住居確保給付金の申請を提案した。',
    personState: '「また迷惑をかけた」と話すが、相談に来られたことを伝えた。',
  });
  await s.emergency(id, -66, {
    kind: 'housing_benefit',
    requestedOn: s.date(-66),
    startedOn: s.date(-60),
    outcome: 'provided',
    detail: '申請に同行。支給決定（3か月）。',
  });
  await s.contact(id, -63, '10:00', 'shien', {
    mode: 'accompany',
    place: 'ハローワーク架空',
    summary: 'ハローワークに同行し、求職登録をし直した。',
  });
  await s.plan(
    id,
    {
      longTermGoal: '家族のことを各機関に任せながら、自分の生活を立て直し、仕事に就く。',
      periodStart: s.date(-54),
      periodEnd: s.date(47),
      personWords: 'まず自分の生活の立て直しから再出発しようと思う。',
      signatureOn: s.date(-55),
      employmentSupportTarget: true,
      programmes: ['self_reliance_consultation', 'household_budget', 'housing_benefit'],
      monitoringDates: [-43, -13, 17],
      goals: [
        { goal: '定期的に面談し、自分の生活と求職活動を立て直す' },
        { goal: '家族の支援を各機関に担ってもらい、自分の負担を減らす' },
        { goal: '地域の人に見守ってもらいながら暮らす' },
        { goal: '住居確保給付金を受けながら、父の入所先に近い住まいに移る' },
      ],
      services: [
        ...familyLines,
        {
          content: '申請支援（住居確保給付金）',
          providerName: '架空市生活支援相談センター',
          serviceClass: 'D',
        },
        {
          content: '住居確保給付金',
          providerName: '架空市、架空市社会福祉協議会（貸付）',
          serviceClass: 'A',
          programme: 'housing_benefit',
          startOn: s.date(-60),
        },
        ...localLines,
      ],
    },
    {
      write: -58,
      submit: -57,
      adopt: -55,
      adoptNote:
        '支援調整会議（プラン変更）。住居確保給付金の支給と転居、求職活動の再開を盛り込んだ変更を了承。',
      decide: -54,
      decision: {
        kind: 'decision',
        programmesDecided: ['self_reliance_consultation', 'household_budget', 'housing_benefit'],
      },
      start: -54,
      changeReason:
        '家賃の滞納により住居確保給付金を申請した。父の入所先に近い住まいへの転居と求職活動の再開に合わせ、支援内容を見直す。',
    },
  );
  await s.contact(id, -50, '14:00', 'shien', {
    mode: 'accompany',
    place: '介護療養型医療施設',
    summary: '本人と父の面会に同行。ジェノグラムを使って家族への支援体制を説明した。',
    personState: '「父が自分や家族のことを心配していた」と話す。',
  });
  await s.monitor(id, -43, -42, {
    servicesDelivered: '住居確保給付金、ハローワーク同行、定期面談',
    progress: '父の入所先の近くに転居することを決めた。求職活動を再開。',
    nextAction: 'continue',
  });
  await s.contact(id, -35, '10:00', 'shien', {
    mode: 'phone',
    summary: '転居の手続が済んだと連絡があった。',
  });
  await s.monitor(id, -13, -13, {
    servicesDelivered: '定期面談、ハローワーク同行',
    progress:
      '応募書類を2社に送った。家族の件は各機関が対応しており、本人は自分の生活に集中できている。',
    nextAction: 'continue',
  });
  await s.contact(id, -7, '13:30', 'shien', {
    mode: 'interview',
    summary: '定期面談。面接の日程が決まった。',
  });
}

/** Newer cases: a lead, a referral to follow up, an assessment that has run past the plan deadline. */
async function newerCases(s: DemoScript, districts: Record<string, string>) {
  s.on(-40, '10:30');
  const matsumoto = await openIntake(
    s.deps,
    s.as('shien'),
    openIntakeBody.parse({
      person: {
        name: '松本 美咲',
        nameKana: 'まつもと みさき',
        sex: 'female',
        birthDate: birthYearsAgo(s, 53, '11-30'),
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '中央三丁目5番',
        districtId: districts.中央地区,
        phoneMobile: '090-0000-3404',
      },
      intake: {
        receivedOn: s.date(-40),
        routeIn: 'self_phone',
        topics: ['rent_loan', 'income', 'debt'],
        mainTopic: 'rent_loan',
        consultationText:
          'パートの勤務日数が減り、家賃を2か月滞納している。カードローンの返済もある。',
        wishes: '今の住まいに住み続けたい。',
        workStatus: 'non_regular',
        housingStatus: 'rented',
        healthInsurance: 'national',
        pensionStatus: 'paying',
        urgency: 'soon',
      },
    }),
  );
  await triageContinue(s, matsumoto.id, -40, '家賃滞納と債務。住居確保給付金の要件を確認する。');
  await s.consent(matsumoto.id, -38, {
    signedBy: 'person',
    explanationGiven: true,
    partnerAgencyIds: [s.partner('NPO法人 すまいるネット架空（居住支援法人）')],
    purposes: ['partner_liaison', 'housing', 'household_budget'],
  });
  s.on(-36, '14:00');
  await startAssessment(s.deps, s.as('shien'), matsumoto.id, {
    caseVersion: await s.caseVersion(matsumoto.id),
  });
  const draft = await s.deps.database.db
    .selectFrom('assessment')
    .select(['id', 'version'])
    .where('case_id', '=', matsumoto.id)
    .executeTakeFirstOrThrow();
  await saveAssessment(s.deps, s.as('shien'), matsumoto.id, draft.id, {
    version: draft.version,
    assessment: assessmentFields.parse({
      assessedOn: s.date(-36),
      domains: [
        {
          domain: 'income_budget_debt',
          situation: 'パート収入が月8万円程度に減少。家賃2か月分とカードローンの残高がある。',
          sources: ['person'],
        },
      ],
    }),
  });

  s.on(-6, '15:00');
  const ishida = await openIntake(
    s.deps,
    s.as('shien'),
    openIntakeBody.parse({
      person: {
        name: '石田 浩二',
        nameKana: 'いしだ こうじ',
        sex: 'male',
        birthDate: birthYearsAgo(s, 67, '04-08'),
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '東町五丁目1番',
        districtId: districts.東地区,
        phoneHome: '0120-000-3505',
      },
      intake: {
        receivedOn: s.date(-6),
        routeIn: 'self_visit',
        topics: ['income', 'health_disability', 'no_food'],
        mainTopic: 'income',
        consultationText:
          '年金だけでは生活できず、手持ちのお金がほとんどない。持病の通院も控えている。',
        workStatus: 'pension_only',
        housingStatus: 'rented',
        healthInsurance: 'national',
        pensionStatus: 'receiving',
        urgency: 'urgent',
      },
    }),
  );
  await triageCase(
    s.deps,
    s.as('shien'),
    ishida.id,
    triageBody.parse({
      version: await s.caseVersion(ishida.id),
      outcome: 'refer_out',
      note: '資産・収入の状況から生活保護の要件に該当する可能性が高い。',
      referral: {
        partnerAgencyId: s.partner('架空市福祉事務所 生活保護担当'),
        reason: '生活保護の申請相談',
        accompanied: true,
        toPublicAssistance: true,
        followUpOn: s.date(1),
      },
    }),
  );

  s.on(-3, '11:00');
  await openDetection(
    s.deps,
    s.as('shien'),
    openDetectionBody.parse({
      person: {
        name: '北村 正',
        nameKana: 'きたむら ただし',
        sex: 'male',
        birthDate: birthYearsAgo(s, 74, '01-22'),
        addressPrefecture: '架空県',
        addressCity: '架空市',
        addressStreet: '西町一丁目9番',
        districtId: districts.西地区,
      },
      detection: {
        detectedOn: s.date(-3),
        source: 'municipal_arrears',
        sourceDetail: '市税務課（固定資産税・国民健康保険料の滞納）',
        signs: '半年以上納付がなく、督促にも応答がない。一人暮らしとみられる。',
        approachPlan: '地区の民生委員に様子を聞いたうえで、訪問する。',
      },
    }),
  );
}
