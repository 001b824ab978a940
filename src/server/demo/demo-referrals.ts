import type { z } from 'zod';
import { actorOf } from '../auth/session-store';
import type { ActorContext } from '../http/context';
import { confirmReferral } from '../referrals/confirm-referral';
import { createReferral } from '../referrals/create-referral';
import { addPartnerActivity } from '../referrals/partner-activities';
import { respondToReferral } from '../referrals/respond-to-referral';
import {
  activityFields,
  referralConfirmBody,
  referralFields,
  referralResponseBody,
} from '../referrals/schema';
import type { DemoScript } from './demo-script';

/** A request body as the demo writes it; the schema checks it when parsed, as for a screen. */
type Raw<S extends z.ZodType> = Partial<z.input<S>>;

const careCentre = '架空市中央地域包括支援センター';

/**
 * つなぎ in 架空市, played after the caseload and the meetings through the same use cases as the
 * screens. Cさん's family (坂口 真由美, consent to every agency needed) is where the care centre
 * comes in, along her story in demo-cases.ts: the bedridden father's care, taken on when he was
 * admitted to hospital (answered, visited, arrival confirmed); the mother referred for her own
 * worries and returned (つなぎもどし) as outside the centre's remit, which `shien` has yet to note;
 * the father's care costs, taken on with the centre's record of what it did; and, two days ago,
 * the father's pension and 成年後見, waiting for the centre's answer. So `kankei` opens an inbox and
 * `shien` an alert. No referral here changes a case's status.
 */
export async function seedDemoReferrals(s: DemoScript) {
  const sakaguchi = await caseOf(s, '坂口 真由美');
  const kankei = await partnerActor(s, 'kankei');
  const centre = s.partner(careCentre);
  const refer = async (
    offset: number,
    raw: Omit<Raw<typeof referralFields>, 'partnerAgencyId'>,
  ) => {
    s.on(offset, '14:00');
    return createReferral(
      s.deps,
      s.as('shien'),
      sakaguchi,
      referralFields.parse({ ...raw, partnerAgencyId: centre }),
    );
  };
  const answer = async (
    offset: number,
    referral: { id: string; version: number },
    response: 'accept' | 'decline' | 'return',
    reason: string,
  ) => {
    s.on(offset, '10:30');
    return respondToReferral(
      s.deps,
      kankei,
      referral.id,
      referralResponseBody.parse({ version: referral.version, response, reason }),
    );
  };
  const record = async (
    offset: number,
    referralId: string,
    raw: Omit<Raw<typeof activityFields>, 'occurredOn'>,
  ) => {
    s.on(offset, '16:00');
    await addPartnerActivity(
      s.deps,
      kankei,
      referralId,
      activityFields.parse({ ...raw, occurredOn: s.date(offset) }),
    );
  };

  // The father's care, when he was admitted to hospital: taken on, and his arrival confirmed.
  const care = await refer(-157, {
    reason:
      '父（坂口 勇さん、68歳）が寝たきりで衰弱し、緊急入院した。要介護認定の申請と退院後の行き先の調整をお願いしたい。',
    handOverSummary:
      '父は年金受給。自宅は家族4人でワンルームマンションに暮らし、ごみが多く、父を在宅で介護できる状況にない。これまで介護を担っていた妹（27歳）は子育てで手一杯。母は家計を担うが管理が苦手。本人（長女）は家族のことに関わりたくない気持ちが強い（本人の同意の範囲内で共有）。',
    accompanied: true,
    dueOn: s.date(-154),
    followUpOn: s.date(-150),
  });
  const careAccepted = await answer(-156, care, 'accept', '担当：村上。入院先で面会します。');
  await record(-152, care.id, {
    kind: 'visit',
    summary:
      '相談支援員と入院先を訪問し、父と面会。介護支援専門員とともに要介護認定を申請した。要介護5の認定後は介護療養型医療施設への入所を見込む。',
  });
  s.on(-152, '17:00');
  await confirmReferral(
    s.deps,
    s.as('shien'),
    sakaguchi,
    care.id,
    referralConfirmBody.parse({
      version: careAccepted.version,
      status: 'arrived',
      confirmedOn: s.date(-152),
      note: '入院先で地域包括の担当者と父が面会し、支援が始まったことを確認した。',
    }),
  );
  await record(-120, care.id, {
    kind: 'service',
    summary: '要介護5の認定。介護療養型医療施設への入所が決まり、入所の手続きを支援した。',
  });

  // The mother's own worries: returned as outside the centre's remit; shien has yet to note it.
  const mother = await refer(-20, {
    reason:
      '母（坂口 和子さん、58歳）が父の入所費用と家計のことで不安を抱えている。相談先をお願いしたい。',
    handOverSummary:
      '母は不就労で、家計を一人で抱え込んでいる。金銭管理が苦手。父の入所後、面会に通う負担もある。',
    dueOn: s.date(-15),
    followUpOn: s.date(-10),
  });
  await answer(
    -18,
    mother,
    'return',
    'お母様ご自身は58歳で、当センターの対象（65歳以上）ではありません。家計のご相談は貴センターの家計改善支援でお願いします。お父様の入所に関することは、引き続き当センターでお受けします。',
  );

  // The father's care costs: taken on, with the centre's record of what it did.
  const costs = await refer(-12, {
    reason:
      '父の施設入所の費用（高額介護サービス費、負担限度額認定）について、家族への説明と申請の支援をお願いしたい。',
    handOverSummary:
      '入所費用は父の年金で賄うが不足分があり、母は負担できないと話している。本人は転居後に求職活動を再開したところ。',
    dueOn: s.date(-9),
    followUpOn: s.date(5),
  });
  await answer(-10, costs, 'accept', '担当：村上。ご家族との面談を設定します。');
  await record(-5, costs.id, {
    kind: 'interview',
    summary:
      '母と本人に面談。高額介護サービス費と負担限度額認定の仕組みを説明し、申請書の記入を支援した。',
  });

  // The father's pension and 成年後見: sent two days ago, awaiting the centre's answer.
  await refer(-2, {
    reason:
      '父の年金の管理と、成年後見制度の利用について相談したい（家族による金銭管理が難しい）。',
    handOverSummary:
      '父は要介護5で施設に入所中。意思の確認が難しい場面が増えている。母は金銭管理が苦手で、本人は関わりたくない気持ちが強い。',
    dueOn: s.date(5),
    followUpOn: s.date(14),
  });
}

async function caseOf(s: DemoScript, personName: string): Promise<string> {
  const row = await s.deps.database.db
    .selectFrom('support_case')
    .innerJoin('person', 'person.id', 'support_case.person_id')
    .select('support_case.id')
    .where('person.name', '=', personName)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A demo partner login as an actor (the demo script's actors are the support staff). */
async function partnerActor(s: DemoScript, loginId: string): Promise<ActorContext> {
  const user = await s.deps.database.db
    .selectFrom('app_user')
    .selectAll()
    .where('login_id', '=', loginId)
    .executeTakeFirstOrThrow();
  return { requestId: 'demo-data', ip: null, lang: 'ja', actor: actorOf(user) };
}
