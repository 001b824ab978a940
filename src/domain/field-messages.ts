import type { Lang } from './errors';

/**
 * Messages shown next to a field. The server picks one for each validation problem; they read
 * as a city office would write them on a form.
 */
export const fieldMessages = {
  required: { ja: '入力してください。', en: 'Please fill in this field.' },
  choose: { ja: '選択してください。', en: 'Please choose one.' },
  chooseAtLeastOne: { ja: '1つ以上選択してください。', en: 'Please choose at least one.' },
  tooLong: { ja: '{max}文字以内で入力してください。', en: 'Please use at most {max} characters.' },
  tooShort: {
    ja: '{min}文字以上で入力してください。',
    en: 'Please use at least {min} characters.',
  },
  tooFewItems: { ja: '{min}件以上入力してください。', en: 'Please add at least {min}.' },
  tooManyItems: { ja: '{max}件以内にしてください。', en: 'Please keep to {max} or fewer.' },
  numberExpected: { ja: '数字で入力してください。', en: 'Please enter a number.' },
  integerExpected: { ja: '整数で入力してください。', en: 'Please enter a whole number.' },
  tooSmall: { ja: '{min}以上の値を入力してください。', en: 'Please enter {min} or more.' },
  tooLarge: { ja: '{max}以下の値を入力してください。', en: 'Please enter {max} or less.' },
  invalidChoice: { ja: '選択肢の中から選んでください。', en: 'Please choose one of the options.' },
  invalidEmail: {
    ja: 'メールアドレスの形式が正しくありません（例：taro@example.lg.jp）。',
    en: 'This is not a valid e-mail address (e.g. taro@example.lg.jp).',
  },
  invalidDate: {
    ja: '日付を正しく入力してください（例：2025-04-01、令和7年4月1日、R7.4.1）。',
    en: 'Please enter a valid date (e.g. 2025-04-01, 令和7年4月1日, R7.4.1).',
  },
  invalidDateTime: {
    ja: '日時を正しく入力してください。',
    en: 'Please enter a valid date and time.',
  },
  invalidPostalCode: {
    ja: '郵便番号は7桁の数字で入力してください（例：123-4567）。',
    en: 'Postal codes have seven digits (e.g. 123-4567).',
  },
  invalidPhone: {
    ja: '電話番号は数字とハイフンで入力してください（例：0120-000-000）。',
    en: 'Please enter the phone number with digits and hyphens (e.g. 0120-000-000).',
  },
  invalidKana: {
    ja: 'ふりがなは、ひらがなまたはカタカナで入力してください。',
    en: 'Please write the reading in hiragana or katakana.',
  },
  invalidLoginId: {
    ja: 'ログインIDは半角英小文字・数字・「.」「-」「_」の3〜64文字で入力してください。',
    en: 'Login IDs use 3–64 lowercase letters, digits, ".", "-" or "_".',
  },
  invalidTotpCode: {
    ja: '確認コードは6桁の数字で入力してください。',
    en: 'The code has six digits.',
  },
  passwordTooShort: {
    ja: 'パスワードは{min}文字以上にしてください。',
    en: 'Passwords need at least {min} characters.',
  },
  passwordContainsLoginId: {
    ja: 'パスワードにログインIDを含めないでください。',
    en: 'The password must not contain the login ID.',
  },
  passwordTooCommon: {
    ja: 'このパスワードは推測されやすいため使えません。',
    en: 'This password is too easy to guess.',
  },
  passwordsDiffer: {
    ja: '確認用のパスワードが一致しません。',
    en: 'The passwords do not match.',
  },
  endBeforeStart: {
    ja: '終了日は開始日以降の日付にしてください。',
    en: 'The end date must not be before the start date.',
  },
  contractorRequired: {
    ja: '委託の場合は、受託法人名を入力してください。',
    en: 'Please enter the contractor for a commissioned agency.',
  },
  contractorNotAllowed: {
    ja: '直営の場合、受託法人は入力しません。',
    en: 'A directly run agency has no contractor.',
  },
  partnerStaffExclusive: {
    ja: '関係機関職員は、ほかの役割と兼ねることができません。',
    en: 'Partner agency staff cannot hold other roles.',
  },
  partnerAgencyRequired: {
    ja: '関係機関職員には、所属する関係機関を選択してください。',
    en: 'Please choose the partner agency this person works for.',
  },
  partnerAgencyNotAllowed: {
    ja: '関係機関を所属先にできるのは、関係機関職員だけです。',
    en: 'Only partner agency staff belong to a partner agency.',
  },
  supportAgencyRequired: {
    ja: '相談支援の役割には、所属する自立相談支援機関を選択してください。',
    en: 'Please choose the support agency for a support role.',
  },
  unknownReference: {
    ja: '選択された項目が見つかりません。選び直してください。',
    en: 'The chosen item no longer exists. Please choose again.',
  },
  duplicateName: {
    ja: '同じ名称がすでに登録されています。',
    en: 'This name is already registered.',
  },
  codeTaken: {
    ja: 'この地方公共団体コードは、すでに登録されています。',
    en: 'This local government code is already registered.',
  },
  loginIdTaken: {
    ja: 'このログインIDはすでに使われています。',
    en: 'This login ID is already in use.',
  },
  mainTopicNotChosen: {
    ja: '「特に困っていること」は、選んだ相談内容の中から1つ選んでください。',
    en: 'The main topic must be one of the topics chosen.',
  },
  referralDestinationRequired: {
    ja: 'つなぎ先の機関を選ぶか、機関名を入力してください。',
    en: 'Choose the agency, or type its name.',
  },
  followUpNotAgreed: {
    ja: '終結の際にフォローアップを行うと決めていないため、フォローアップは始められません。',
    en: 'No follow-up was agreed at termination.',
  },
  memberInUse: {
    ja: 'プランの支援内容で対象になっている世帯員は、削除できません。',
    en: 'A household member named in a plan cannot be removed.',
  },
  explanationRequired: {
    ja: '個人情報の取扱いについて本人に説明し、了解を得てから記録してください。',
    en: 'Explain how personal information is handled, and record consent only after that.',
  },
  consentScopeRequired: {
    ja: '情報を共有する関係機関を選ぶか、「支援に必要な関係機関」を選んでください。',
    en: 'Choose the agencies, or "every agency needed for the support".',
  },
  fileTooLarge: {
    ja: 'ファイルは10MB以内にしてください。',
    en: 'Files may be at most 10 MB.',
  },
  fileType: {
    ja: 'PDF・JPEG・PNGのファイルを選んでください。',
    en: 'Choose a PDF, JPEG or PNG file.',
  },
  alreadyWithdrawn: {
    ja: 'この同意は、すでに撤回されています。',
    en: 'This consent has already been withdrawn.',
  },
  futureDate: {
    ja: '今日より後の日付は入力できません。',
    en: 'The date cannot be in the future.',
  },
  assessmentEmpty: {
    ja: '少なくとも1つの領域について、状況または課題を記入してから完了してください。',
    en: 'Fill in the situation or issues of at least one area before completing.',
  },
  programmeIsClassA: {
    ja: '生活困窮者自立支援法の事業は、分類A（法に基づく支援）です。',
    en: 'A programme of the Self-Reliance Support Act is class A.',
  },
  outsidePlanPeriod: {
    ja: 'モニタリングの時期は、プランの期間内の日付にしてください。',
    en: 'Monitoring dates must fall within the plan period.',
  },
  planIncomplete: {
    ja: '支援調整会議に提出する前に、この項目を入力してください。',
    en: 'Please fill this in before submitting the plan.',
  },
  invalidTime: {
    ja: '時刻を正しく入力してください（例：9:00、13:30）。',
    en: 'Please enter a valid time (e.g. 9:00, 13:30).',
  },
  regularPatternRequired: {
    ja: '定例開催の場合は、第何週の何曜日に開くかを選択してください。',
    en: 'For regular sittings, choose the week and the weekday.',
  },
  legalBasisRequired: {
    ja: 'この会議の根拠となる法律の規定を選択してください。',
    en: 'Please choose the legal basis of this meeting.',
  },
  legalBasisNotAllowed: {
    ja: 'この種類の会議には、その法律の規定は当てはまりません。',
    en: 'That legal basis does not apply to this kind of meeting.',
  },
  memberNeedsOne: {
    ja: '職員、機関、または氏名のいずれか一つを指定してください。',
    en: 'Name one: a staff member, an organisation, or a person.',
  },
  decisionNotForItem: {
    ja: 'この種類の案件には、その決定は選べません。',
    en: 'That decision does not apply to this kind of item.',
  },
  seriesNotInMeeting: {
    ja: 'この会議（合同開催を含む）の会議体から選んでください。',
    en: 'Choose one of the bodies sitting at this meeting.',
  },
  planNotUnderReview: {
    ja: '支援調整会議に提出されたプラン（検討中）がありません。先にプランを提出してください。',
    en: 'There is no plan submitted for review. Submit the plan first.',
  },
  taxInformationAtSupportMeeting: {
    ja: '支援会議では税情報を共有できません（地方税法第22条）。税情報を含まない内容にしてください。',
    en: 'Tax information cannot be shared at a support meeting (Local Tax Act, art. 22). Leave it out of the summary.',
  },
  handOverOutsideConsent: {
    ja: '本人の同意の範囲に「{agency}」が含まれていないため、引継ぎ内容や書類は渡せません。同意の範囲を確認するか、引継ぎなしでつなぎ先だけを記録してください。',
    en: 'The person’s consent does not cover “{agency}”, so no hand-over or documents can go with the referral. Check the consent, or record the referral without a hand-over.',
  },
  handOverNeedsAgency: {
    ja: '引継ぎ内容・書類・回答期限は、一覧から選んだ関係機関につなぐ場合に記録します。機関名だけのつなぎ先には、直接お伝えください。',
    en: 'A hand-over, documents and an answer date go only to an agency chosen from the list. Tell an outside destination directly.',
  },
  responseReasonRequired: {
    ja: 'お断りする場合・つなぎもどす場合は、理由を入力してください。つなぎ元が次の支援を考える手がかりになります。',
    en: 'Please give the reason for declining or returning: the referring agency needs it to decide what next.',
  },
  notBeforeReferral: {
    ja: 'つないだ日以降の日付にしてください。',
    en: 'The date must not be before the referral.',
  },
  nextApproachBeforeAttempt: {
    ja: '次回の予定日は、この記録の日付以降にしてください。',
    en: 'The next date must not be before this record.',
  },
  escalatedBeforeObserved: {
    ja: 'つないだ日時は、気づいた日時以降にしてください。',
    en: 'The time it was passed on must not be before the time it was seen.',
  },
  escalationDestinationRequired: {
    ja: '「その他」の場合は、つないだ先の機関を選ぶか、名称を入力してください。',
    en: 'For "other", choose the agency or type its name.',
  },
  notAParticipationPlace: {
    ja: 'この種類の参加を受け入れる場として登録されている社会資源から選んでください。',
    en: 'Choose a place registered as offering this kind of participation.',
  },
  alreadyMatched: {
    ja: 'この場には、すでに提案中または参加中の記録があります。その記録を更新してください。',
    en: 'This person already has a proposal or a place there. Please update that record.',
  },
  stepBeforePrevious: {
    ja: '前の段階の日付（{date}）より前の日付は入力できません。',
    en: 'The date cannot be before the previous step ({date}).',
  },
  notACommunityBase: {
    ja: '地域づくりの拠点として登録されている社会資源から選んでください。',
    en: 'Choose a resource registered as a community base.',
  },
  activityNotAtBase: {
    ja: 'この拠点で行われている活動から選んでください。',
    en: 'Choose an activity held at this base.',
  },
  scheduleOrDate: {
    ja: '定期の活動は日程（例：毎週火曜 10時〜12時）を、1回限りの活動は開催日を入力してください。',
    en: 'Give the schedule of a regular activity (e.g. Tuesdays 10–12), or the date of a one-off.',
  },
  notBeforeNoticed: {
    ja: '気づいた日以降の日付にしてください。',
    en: 'The date must not be before the day it was noticed.',
  },
  agencyNeedsOne: {
    ja: '関係機関または相談支援機関のどちらか一つを選んでください。',
    en: 'Choose one agency: a partner agency or a support agency.',
  },
  consentNotCoveringAgency: {
    ja: '本人の同意の範囲に「{agency}」が含まれていないため、多機関協働の機関に加えられません。先に同意の範囲を確認してください。',
    en: 'The person’s consent does not cover “{agency}”, so it cannot join the multi-agency case. Check the consent first.',
  },
  memberAlreadyInvolved: {
    ja: 'この機関は、同じ方の支援ですでに参加しています。役割を変える場合は、その行を編集してください。',
    en: 'This agency already supports the same person here. Edit its row to change the role.',
  },
  notMultiAgencyMeeting: {
    ja: '重層的支援会議（合同開催を含む）の会議を選んでください。',
    en: 'Choose a sitting of a multi-layered support meeting (joint sittings included).',
  },
  itemNotForCase: {
    ja: 'この会議の、この世帯の案件を選んでください。',
    en: 'Choose this household’s item of that meeting.',
  },
  reviewOutcomeNotAllowed: {
    ja: 'いまの段階では、この結果は記録できません（初回は「了承」「修正の上了承」「再検討」、協働中は「支援継続」「修正の上了承」「再検討」）。',
    en: 'That outcome does not fit this stage (first review: agreed, agreed with changes, or rework; later: continues, agreed with changes, or rework).',
  },
  jointPlanRequired: {
    ja: '了承を記録する前に、協働プランの「世帯の共通目標」と「支援方針」を記入してください。',
    en: 'Before recording the agreement, fill in the shared goal and the policy of the joint plan.',
  },
  leadRequired: {
    ja: '了承を記録する前に、主担当の機関を決めてください。',
    en: 'Before recording the agreement, choose the lead agency.',
  },
  carrierRequired: {
    ja: '終結後に支援を引き継ぐ機関を一つ選ぶか、「つないできた機関に戻す」を選んでください。',
    en: 'Choose the one agency that carries on, or return the household to the referring agency.',
  },
  leadLeaving: {
    ja: '主担当の機関は外せません。先に主担当をほかの機関に引き継いでください。',
    en: 'The lead agency cannot leave. Hand the lead to another agency first.',
  },
  notBeforeMultiAgencyReferral: {
    ja: '多機関協働へのつなぎを受けた日（{date}）以降の日付にしてください。',
    en: 'The date must not be before the referral to the multi-agency case ({date}).',
  },
  notBeforeDistrictSince: {
    ja: '今の地区になった日（{date}）以降の日付にしてください。',
    en: 'The date must not be before the case came to its current district ({date}).',
  },
  invalidMonth: {
    ja: '年月は「2026-04」の形で入力してください。',
    en: 'Please enter the month as YYYY-MM (e.g. 2026-04).',
  },
  monthRangeReversed: {
    ja: '終わりの月は始めの月以降にしてください。',
    en: 'The last month must not be before the first month.',
  },
  monthRangeTooLong: {
    ja: '期間は24か月以内にしてください。',
    en: 'Please choose a period of at most 24 months.',
  },
  invalid: { ja: '入力内容を確認してください。', en: 'Please check this entry.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FieldMessageKey = keyof typeof fieldMessages;

export function fieldMessage(
  key: FieldMessageKey,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return fieldMessages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}

export function isFieldMessageKey(value: unknown): value is FieldMessageKey {
  return typeof value === 'string' && Object.hasOwn(fieldMessages, value);
}
