import { getPartnerAgency } from '../organisations/list-partner-agencies';
import { partnerAgencyUpdateBody } from '../organisations/schema';
import { updatePartnerAgency } from '../organisations/update-partner-agency';
import { advanceResourceGap } from '../resource-gaps/advance-resource-gap';
import { resourceGapStepBody } from '../resource-gaps/schema';
import { createSocialResource } from '../resources/create-social-resource';
import { socialResourceFields } from '../resources/schema';
import type { DemoScript } from './demo-script';

/**
 * The local network of 架空市, played after the meetings through the same use cases as the
 * screens: how to reach and refer to the main partners (相談機関一覧), the social-resource
 * directory across the five kinds and classes A–E — the places of 参加支援 and two community
 * bases with their coordinators among them — and the gap the last 支援調整会議 noted (one place
 * for 中間的就労 only), followed until a second place was found.
 */
export async function seedDemoResources(s: DemoScript) {
  await describePartners(s);
  const districts = await districtIds(s);
  s.on(-200, '10:00');
  for (const raw of demoResources(s, districts)) {
    await createSocialResource(s.deps, s.as('shunin'), socialResourceFields.parse(raw));
  }
  await followTheGap(s);
}

type PartnerDetails = {
  area: string;
  services: string;
  openingHours: string;
  howToRefer: string;
};

const partnerDetails: Record<string, PartnerDetails> = {
  架空市中央地域包括支援センター: {
    area: '中央地区・東地区',
    services: '高齢者の総合相談、介護予防ケアマネジメント、権利擁護（成年後見・虐待対応）',
    openingHours: '平日 8:30〜17:15（夜間・休日は電話転送）',
    howToRefer:
      '電話で概要を伝えてから、本人の同意を得て基本情報を共有。初回訪問は同行を依頼できます。',
  },
  架空市基幹相談支援センター: {
    area: '市内全域',
    services: '障害のある方と家族の総合相談、計画相談事業所の紹介、地域移行・定着の支援',
    openingHours: '平日 9:00〜17:00',
    howToRefer: '電話予約のうえ来所または訪問。手帳の有無を問わず相談できます。',
  },
  ハローワーク架空: {
    area: '架空市・近隣2町',
    services: '職業相談・職業紹介、生活保護受給者等就労自立促進事業、求職者支援訓練の案内',
    openingHours: '平日 8:30〜17:15、第2・第4土曜 10:00〜17:00',
    howToRefer:
      '就職支援ナビゲーター宛てに電話予約。自立相談支援機関からの依頼票をFAXすると、初回から同行できます。',
  },
  '架空市福祉事務所 生活保護担当': {
    area: '市内全域',
    services: '生活保護の相談・申請、医療扶助、住宅扶助',
    openingHours: '平日 8:30〜17:15',
    howToRefer:
      '申請の意思があれば当日でも受け付けます。事前に地区担当の査察指導員へ電話で概要を伝えてください。',
  },
  'NPO法人 すまいるネット架空（居住支援法人）': {
    area: '市内全域',
    services: '住まい探しの同行、入居時の保証人相談、入居後の見守り',
    openingHours: '月〜金 10:00〜18:00',
    howToRefer: 'つなぎシート（様式任意）をメールで送付し、面談日を調整します。',
  },
};

/** The partners' ways of working, filled in by the chief through the partner form's update. */
async function describePartners(s: DemoScript) {
  s.on(-300, '15:00');
  for (const [name, details] of Object.entries(partnerDetails)) {
    const current = await getPartnerAgency(s.deps, s.as('shunin'), s.partner(name));
    await updatePartnerAgency(
      s.deps,
      s.as('shunin'),
      current.id,
      partnerAgencyUpdateBody.parse({ ...current, ...details }),
    );
  }
}

async function districtIds(s: DemoScript): Promise<Record<string, string>> {
  const rows = await s.deps.database.db.selectFrom('district').select(['id', 'name']).execute();
  return Object.fromEntries(rows.map((d) => [d.name, d.id]));
}

/** The directory: five kinds, classes A–E, formal and informal. */
function demoResources(s: DemoScript, districts: Record<string, string>) {
  const district = (name: string) => districts[name];
  const socialWelfareCouncil = s.partner('架空市社会福祉協議会 地域福祉課');
  return [
    // 人
    {
      name: '東地区 民生委員・児童委員',
      nameKana: 'ひがしちく みんせいいいん じどういいん',
      category: 'person',
      serviceClass: 'B',
      formal: true,
      providerPartnerAgencyId: s.partner('架空市民生委員児童委員協議会'),
      description: '一人暮らしの高齢者や子育て世帯の見守り、相談先へのつなぎ。',
      area: '東地区',
      districtId: district('東地区'),
      tags: ['見守り', '地域'],
    },
    {
      name: '傾聴ボランティア こころの耳',
      nameKana: 'けいちょうぼらんてぃあ こころのみみ',
      category: 'person',
      serviceClass: 'C',
      formal: false,
      providerName: '傾聴ボランティアの会',
      description: '自宅や施設を訪ねて話を聴く。孤立しがちな方の話し相手。',
      area: '市内全域',
      hours: '訪問日は相談のうえ決定',
      tags: ['孤立', '訪問'],
    },
    {
      name: 'ピアサポート ひきこもり経験者の会',
      nameKana: 'ぴあさぽーと ひきこもりけいけんしゃのかい',
      category: 'person',
      serviceClass: 'C',
      formal: false,
      providerName: 'ひきこもり家族会 あしたば',
      description: 'ひきこもりを経験した人が、本人や家族の話を聴き、外に出るきっかけを一緒に探す。',
      hours: '第1・第3日曜 13:00〜15:00',
      tags: ['ひきこもり', '家族支援'],
      participationKinds: ['ibasho'],
    },
    // 場
    {
      name: '居場所カフェ ひだまり',
      nameKana: 'いばしょかふぇ ひだまり',
      category: 'place',
      serviceClass: 'C',
      formal: false,
      providerName: 'NPO法人 ひだまりの家',
      description:
        '誰でも立ち寄れるカフェ。話したいときは話し、黙っていてもよい。調理や接客のボランティアも受け入れる。',
      capacity: 20,
      area: '東地区',
      districtId: district('東地区'),
      address: '架空市東町2-3-1',
      phone: '0120-000-401',
      hours: '月・水・金 13:00〜17:00',
      fee: '飲み物代 100円',
      tags: ['居場所', '若者', '地域交流'],
      participationKinds: ['ibasho', 'volunteering'],
      accommodations: '初めての方は職員が入口で迎え、席を用意します。ボランティアは1回1時間から。',
      isCommunityBase: true,
      coordinatorName: '森 ゆかり',
    },
    {
      name: '北地区ふれあいサロン',
      nameKana: 'きたちくふれあいさろん',
      category: 'place',
      serviceClass: 'C',
      formal: false,
      providerPartnerAgencyId: socialWelfareCouncil,
      description: '公民館の和室で開くサロン。体操、茶話会、季節の行事。多世代の交流の場。',
      capacity: 30,
      area: '北地区',
      districtId: district('北地区'),
      address: '架空市北町1-10 北地区公民館',
      hours: '毎週火曜 10:00〜12:00',
      fee: '参加費 100円',
      tags: ['居場所', '高齢者', '地域交流'],
      participationKinds: ['ibasho', 'volunteering'],
      isCommunityBase: true,
      coordinatorName: '佐々木 勇',
    },
    {
      name: 'リサイクル工房 つばさ（認定就労訓練事業）',
      nameKana: 'りさいくるこうぼう つばさ',
      category: 'place',
      serviceClass: 'A',
      formal: true,
      providerName: '社会福祉法人 つばさ会',
      description:
        '家具・自転車の再生と販売。認定就労訓練事業（中間的就労）として、雇用型・非雇用型の両方で受け入れる。',
      capacity: 6,
      capacityNote: '同時に受け入れる訓練生の数',
      area: '西地区',
      districtId: district('西地区'),
      address: '架空市西町5-8',
      phone: '0120-000-402',
      contactName: '工房長 大野',
      hours: '平日 9:00〜16:00',
      tags: ['就労', '中間的就労'],
      participationKinds: ['intermediate_work', 'work_experience'],
      accommodations:
        '1日2時間・週2日から開始可。清掃、部品の仕分け、磨きなど作業を切り出し、慣れたら工程を増やす。',
    },
    {
      name: '子どもの学習・生活支援教室 まなびば',
      nameKana: 'こどものがくしゅう せいかつしえんきょうしつ まなびば',
      category: 'place',
      serviceClass: 'A',
      formal: true,
      providerPartnerAgencyId: socialWelfareCouncil,
      description:
        '生活困窮世帯の小中学生の学習支援と居場所。高校進学の相談、保護者の相談にも応じる。',
      capacity: 25,
      area: '中央地区',
      districtId: district('中央地区'),
      hours: '火・木 17:00〜19:30',
      fee: '無料',
      tags: ['子ども', '学習'],
      participationKinds: ['learning_support', 'ibasho'],
    },
    {
      name: 'みんなの食堂 にじいろ',
      nameKana: 'みんなのしょくどう にじいろ',
      category: 'place',
      serviceClass: 'C',
      formal: false,
      providerName: 'にじいろ食堂の会',
      description: '子どもも大人も一緒に食べる地域食堂。配膳・片付けのボランティアを受け入れる。',
      capacity: 40,
      area: '西地区',
      districtId: district('西地区'),
      hours: '第2・第4土曜 11:30〜13:30',
      fee: '子ども無料、大人300円',
      tags: ['子ども食堂', '食事'],
      participationKinds: ['ibasho', 'volunteering'],
    },
    // 活動
    {
      name: '社協ボランティアセンター',
      nameKana: 'しゃきょうぼらんてぃあせんたー',
      category: 'activity',
      serviceClass: 'C',
      formal: true,
      providerPartnerAgencyId: socialWelfareCouncil,
      description: 'ボランティア活動の紹介と登録。活動先の見学に同行する。',
      area: '市内全域',
      hours: '平日 9:00〜17:00',
      tags: ['ボランティア'],
      participationKinds: ['volunteering'],
    },
    {
      name: '就労準備支援事業（ステップ架空）',
      nameKana: 'しゅうろうじゅんびしえんじぎょう すてっぷかくう',
      category: 'activity',
      serviceClass: 'A',
      formal: true,
      providerPartnerAgencyId: s.partner('就労準備支援事業所 ステップ架空'),
      description: '生活習慣の改善、コミュニケーション講座、職場見学・就労体験のプログラム。',
      capacity: 15,
      hours: '平日 10:00〜15:00',
      tags: ['就労'],
      participationKinds: ['work_experience'],
    },
    {
      name: '西町クリーン隊（公園清掃）',
      nameKana: 'にしまちくりーんたい',
      category: 'activity',
      serviceClass: 'C',
      formal: false,
      providerName: '西町自治会',
      description: '月1回の公園清掃。作業後にお茶会。初めての方も歓迎。',
      area: '西地区',
      districtId: district('西地区'),
      hours: '毎月第1日曜 8:00〜9:30',
      tags: ['地域交流', 'ボランティア'],
      participationKinds: ['volunteering'],
    },
    // サービス
    {
      name: 'フードバンク架空',
      nameKana: 'ふーどばんくかくう',
      category: 'service',
      serviceClass: 'C',
      formal: false,
      providerName: 'NPO法人 フードバンク架空',
      description: '食料の緊急提供（原則3日分）。自立相談支援機関などからの依頼で受け付ける。',
      area: '市内全域',
      phone: '0120-000-403',
      hours: '平日 10:00〜16:00',
      tags: ['食料', '緊急'],
    },
    {
      name: '家計改善支援（社協 くらしサポート窓口）',
      nameKana: 'かけいかいぜんしえん',
      category: 'service',
      serviceClass: 'A',
      formal: true,
      providerName: '架空市社会福祉協議会 くらしサポート窓口',
      description: '家計表の作成、支払いの優先順位の整理、滞納の分納相談、貸付のあっせん。',
      hours: '平日 9:00〜17:00（予約制）',
      tags: ['家計', '債務'],
    },
    {
      name: '高齢者配食サービス',
      nameKana: 'こうれいしゃはいしょくさーびす',
      category: 'service',
      serviceClass: 'B',
      formal: true,
      providerName: '架空市 高齢福祉課（委託事業者）',
      description:
        '65歳以上の一人暮らし等の方に夕食を届け、安否を確認する（介護保険 地域支援事業）。',
      area: '市内全域',
      fee: '1食400円',
      tags: ['見守り', '食事', '高齢者'],
    },
    {
      name: '無料法律相談（市民相談室）',
      nameKana: 'むりょうほうりつそうだん',
      category: 'service',
      serviceClass: 'E',
      formal: true,
      providerName: '架空市 市民相談室',
      description: '弁護士による30分の無料相談。債務、離婚、相続など。',
      hours: '毎月第3水曜 13:00〜16:00（予約制）',
      tags: ['債務', '法律'],
    },
    {
      name: '同行支援・代弁（自立相談支援機関）',
      nameKana: 'どうこうしえん だいべん',
      category: 'service',
      serviceClass: 'D',
      formal: true,
      providerName: '架空市生活支援相談センター',
      description: '手続や面接への同行、本人に代わっての説明・調整。',
      tags: ['同行'],
    },
    // 情報
    {
      name: '暮らしのお助けガイド（架空市）',
      nameKana: 'くらしのおたすけがいど',
      category: 'information',
      serviceClass: 'E',
      formal: true,
      providerName: '架空市 福祉政策課',
      description:
        '困りごと別に相談窓口と制度をまとめた冊子。市役所・公民館で配布、市ウェブサイトにも掲載。',
      tags: ['制度案内'],
    },
    {
      name: '求人情報・就職面接会の案内',
      nameKana: 'きゅうじんじょうほう しゅうしょくめんせつかい',
      category: 'information',
      serviceClass: 'B',
      formal: true,
      providerPartnerAgencyId: s.partner('ハローワーク架空'),
      description: '市内の求人情報と、毎月の就職面接会の日程。',
      tags: ['就労'],
    },
  ];
}

/**
 * The gap the last 支援調整会議 noted: one 中間的就労 place only. The chief takes it to the
 * municipality as a local issue, the officer and the chief look for a second host, and a farm
 * agrees to take trainees — the new place enters the directory with the last step.
 */
async function followTheGap(s: DemoScript) {
  const db = s.deps.database.db;
  const gap = await db
    .selectFrom('resource_gap')
    .innerJoin('meeting_item', 'meeting_item.id', 'resource_gap.meeting_item_id')
    .innerJoin('meeting', 'meeting.id', 'meeting_item.meeting_id')
    .select(['resource_gap.id', 'meeting.held_on'])
    .where('resource_gap.description', 'like', '%中間的就労%')
    .executeTakeFirstOrThrow();
  const raisedDay = Math.round((Date.parse(gap.held_on) - Date.parse(s.today)) / 86_400_000);
  // The steps spread over the days since the meeting, never into the future.
  const dayAt = (share: number) => Math.min(-1, raisedDay + Math.round(-raisedDay * share));
  const version = async () =>
    (
      await db
        .selectFrom('resource_gap')
        .select('version')
        .where('id', '=', gap.id)
        .executeTakeFirstOrThrow()
    ).version;

  s.on(Math.max(raisedDay, dayAt(0)), '16:00');
  await advanceResourceGap(
    s.deps,
    s.as('shunin'),
    gap.id,
    resourceGapStepBody.parse({
      version: await version(),
      step: 'recognise',
      note: '受け入れ先が1か所では、本人の希望や特性に合う作業を選べない。市の地域課題として共有した。',
    }),
  );
  s.on(dayAt(0.4), '16:30');
  await advanceResourceGap(
    s.deps,
    s.as('jichitai'),
    gap.id,
    resourceGapStepBody.parse({
      version: await version(),
      step: 'start_development',
      note: '農業委員会と社協の協力を得て、市内の農園に認定就労訓練事業の説明会を開く。',
    }),
  );
  s.on(dayAt(0.8), '17:00');
  await advanceResourceGap(
    s.deps,
    s.as('shunin'),
    gap.id,
    resourceGapStepBody.parse({
      version: await version(),
      step: 'create',
      note: 'みどり農園が認定を受け、来月から2名を受け入れる。',
      resource: {
        name: 'みどり農園（認定就労訓練事業）',
        nameKana: 'みどりのうえん',
        category: 'place',
        serviceClass: 'A',
        formal: true,
        providerName: '農業法人 みどり農園',
        description: '野菜の栽培・収穫・袋詰め。認定就労訓練事業（非雇用型から開始）。',
        capacity: 2,
        capacityNote: '当面の受け入れ人数',
        area: '北地区',
        hours: '平日 8:30〜12:00',
        tags: ['就労', '中間的就労', '農業'],
        participationKinds: ['intermediate_work', 'work_experience'],
        accommodations:
          '午前のみ・週2日から。収穫、袋詰め、ラベル貼りなど一人で続けられる作業に切り出す。体調に合わせて休憩を取れる。',
      },
    }),
  );
}
