/**
 * The one catalogue of domain errors. The server maps each code to its HTTP status at one
 * boundary and answers with a stable JSON shape; the client shows the message of the user's
 * language. Codes are stable: other systems and the screens rely on them.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    ja: '入力内容に誤りがあります。各項目のメッセージをご確認ください。',
    en: 'Some entries need correcting. Please check the message next to each field.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    ja: '送信された内容を読み取れませんでした。画面を再読み込みしてから、もう一度お試しください。',
    en: 'The request could not be read. Please reload the page and try again.',
  },
  UNAUTHENTICATED: {
    status: 401,
    ja: 'サインインしてください。',
    en: 'Please sign in.',
  },
  SESSION_EXPIRED: {
    status: 401,
    ja: '一定時間操作がなかったため、サインアウトしました。もう一度サインインしてください。',
    en: 'You were signed out after a period of inactivity. Please sign in again.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    ja: 'ログインIDまたはパスワードが正しくありません。',
    en: 'The login ID or password is incorrect.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    ja: 'サインインに続けて失敗したため、このアカウントは一時的にロックされています。しばらくしてから再度お試しいただくか、管理者にご連絡ください。',
    en: 'This account is temporarily locked after repeated failed sign-ins. Try again later or contact your administrator.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    ja: 'このアカウントは利用停止中です。管理者にご連絡ください。',
    en: 'This account is disabled. Please contact your administrator.',
  },
  TOTP_INVALID: {
    status: 401,
    ja: '確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。',
    en: 'The verification code is incorrect. Enter the latest six digits shown in your authenticator app.',
  },
  SIGN_IN_CHALLENGE_EXPIRED: {
    status: 401,
    ja: '確認コードの入力期限が過ぎました。最初からサインインし直してください。',
    en: 'The time to enter the code has run out. Please sign in again from the start.',
  },
  TOTP_ALREADY_ENABLED: {
    status: 409,
    ja: '2段階認証はすでに有効です。',
    en: 'Two-step verification is already on.',
  },
  TOTP_NOT_ENABLED: {
    status: 409,
    ja: '2段階認証は有効になっていません。',
    en: 'Two-step verification is not on.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    ja: '続ける前に、パスワードを変更してください。',
    en: 'Please change your password before continuing.',
  },
  PASSWORD_INCORRECT: {
    status: 400,
    ja: '現在のパスワードが正しくありません。',
    en: 'The current password is incorrect.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    ja: '画面の有効期限が切れました。画面を再読み込みしてから、もう一度操作してください。',
    en: 'This page has expired. Please reload it and try again.',
  },
  FORBIDDEN: {
    status: 403,
    ja: 'この操作を行う権限がありません。',
    en: 'You do not have permission to do this.',
  },
  NOT_FOUND: {
    status: 404,
    ja: 'お探しの情報が見つかりません。削除されたか、閲覧できる範囲の外にあります。',
    en: 'What you are looking for was not found, or is outside what you may see.',
  },
  VERSION_CONFLICT: {
    status: 409,
    ja: 'ほかの方がこの情報を先に更新しました。入力内容は残っています。最新の内容と見比べてから保存し直してください。',
    en: 'Someone else saved this record first. Your input is kept; compare it with the latest version and save again.',
  },
  LOGIN_ID_TAKEN: {
    status: 409,
    ja: 'このログインIDはすでに使われています。別のIDを指定してください。',
    en: 'This login ID is already in use. Please choose another.',
  },
  DUPLICATE_NAME: {
    status: 409,
    ja: '同じ名称がすでに登録されています。',
    en: 'An entry with this name already exists.',
  },
  STILL_IN_USE: {
    status: 409,
    ja: 'ほかの情報から参照されているため、削除できません。',
    en: 'This cannot be deleted because other records refer to it.',
  },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    ja: 'この操作は、ケースの現在の状態ではできません。画面に表示されている操作から選んでください。',
    en: 'This cannot be done in the case’s current status. Please choose one of the actions shown.',
  },
  CONSENT_REQUIRED: {
    status: 409,
    ja: '本人の利用申込・同意が記録されていないため、この操作はできません。先に利用申込・同意を記録してください。',
    en: 'The person’s application and consent are not recorded, so this cannot be done yet.',
  },
  ASSESSMENT_REQUIRED: {
    status: 409,
    ja: 'アセスメントを完了してから、プランの作成に進んでください。',
    en: 'Please complete the assessment before going on to the plan.',
  },
  PLAN_REQUIRED: {
    status: 409,
    ja: 'この操作の前に、プランを作成してください。',
    en: 'Please write the plan first.',
  },
  PLAN_NOT_EDITABLE: {
    status: 409,
    ja: 'このプランは支援調整会議に提出済みのため、直接は変更できません。変更する場合は「プラン変更」を作成してください。',
    en: 'This plan has gone to review and cannot be edited. Create a plan change instead.',
  },
  EVALUATION_REQUIRED: {
    status: 409,
    ja: '評価シートを記録してから、終結・再プラン・継続を判断してください。',
    en: 'Please record the evaluation before deciding how to go on.',
  },
  INTERRUPTION_NEEDS_ATTEMPTS: {
    status: 409,
    ja: '中断とするには、本人と連絡が取れなかった記録として、訪問と、手紙（連絡票）または親しい人への確認の両方が必要です。',
    en: 'An interruption needs recorded attempts to reach the person: a home visit, and a letter or asking people close to them.',
  },
  SUPPORT_DECISION_EXISTS: {
    status: 409,
    ja: 'このプランの支援決定はすでに記録されています。',
    en: 'The support decision for this plan is already recorded.',
  },
  MEETING_CONSENT_MISSING: {
    status: 409,
    ja: '本人の同意の範囲に、この会議に出席する機関がすべては含まれていないため、この会議では検討できません。同意の範囲を確認していただくか、支援会議での検討をご検討ください。',
    en: 'The person’s consent does not cover every organisation at this meeting, so the case cannot be discussed here. Check the consent, or consider the support meeting (支援会議).',
  },
  MEETING_PARTNERS_NOT_ALLOWED: {
    status: 409,
    ja: '所内のケース会議には、関係機関の方は参加できません。',
    en: 'Partner organisations cannot take part in an internal case conference.',
  },
  MEETING_NOT_MEMBER: {
    status: 403,
    ja: 'この会議の構成員ではないため、この案件は閲覧できません。',
    en: 'You are not a member of this meeting, so you cannot see this item.',
  },
  CONFIDENTIALITY_NOT_ACKNOWLEDGED: {
    status: 403,
    ja: 'この会議の守秘義務の確認がまだ済んでいないため、案件は閲覧できません。会議のページで守秘義務の内容を確認してください。',
    en: 'You have not yet acknowledged this meeting’s duty of confidentiality, so you cannot see its items. Please acknowledge it on the meeting page.',
  },
  MEETING_OUTSIDE_CONSENT: {
    status: 403,
    ja: '本人の同意の範囲に貴機関が含まれていないため、この案件は閲覧できません。',
    en: 'The person’s consent does not cover your organisation, so you cannot see this item.',
  },
  MUNICIPAL_OFFICER_REQUIRED: {
    status: 409,
    ja: 'この会議の決定には、自治体担当者の出席が必要です。出欠を記録してから決定してください。',
    en: 'A decision at this meeting needs a municipal officer present. Record the attendance first.',
  },
  ALREADY_ON_AGENDA: {
    status: 409,
    ja: 'このケースは、すでにこの会議の議題に入っています。',
    en: 'This case is already on this meeting’s agenda.',
  },
  ITEM_ALREADY_DECIDED: {
    status: 409,
    ja: 'この案件はすでに決定が記録されています。',
    en: 'A decision has already been recorded for this item.',
  },
  REFERRAL_STEP_NOT_ALLOWED: {
    status: 409,
    ja: 'このつなぎは、現在の状態ではこの操作ができません。画面を再読み込みして、表示されている操作から選んでください。',
    en: 'This referral cannot take that step in its current status. Please reload and choose one of the actions shown.',
  },
  HAND_OVER_WITHHELD: {
    status: 403,
    ja: '本人の同意の範囲に貴機関が含まれていない（同意が撤回された場合を含みます）ため、引継ぎ内容と書類は閲覧できません。',
    en: 'The person’s consent does not (or no longer) cover your organisation, so the hand-over and its documents cannot be shown.',
  },
  PLACE_FULL: {
    status: 409,
    ja: 'この場は定員に達しています。受け入れ先に確認し、定員を超えての受け入れに了承を得た場合は、その旨にチェックを入れてから進めてください。',
    en: 'This place is full. If the host has agreed to take one more, tick that box and try again.',
  },
  STEP_NOT_ALLOWED: {
    status: 409,
    ja: 'この操作は、現在の状態ではできません。画面を再読み込みして、表示されている操作から選んでください。',
    en: 'This step cannot be taken in the current status. Please reload and choose one of the actions shown.',
  },
  MULTI_AGENCY_CASE_OPEN: {
    status: 409,
    ja: 'この方の世帯には、すでに進行中の多機関協働の事例があります。その事例に機関や役割を追加してください。',
    en: 'This household already has an open multi-agency case. Please add agencies and roles to it.',
  },
  MULTI_AGENCY_LEAD_TAKEN: {
    status: 409,
    ja: 'ほかの方が、いま別の機関を主担当にしました。画面を再読み込みして、現在の主担当を確認してから、もう一度操作してください。',
    en: 'Someone else has just made another agency the lead. Please reload the page, check the current lead, and try again.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    ja: '送信された内容が大きすぎます。',
    en: 'The request is too large.',
  },
  INTERNAL_ERROR: {
    status: 500,
    ja: '申し訳ありません。システムで問題が発生しました。お手数ですが、問い合わせ番号を添えて管理者にご連絡ください。',
    en: 'We are sorry: something went wrong in the system. Please contact your administrator and quote the reference number.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export type Lang = 'ja' | 'en';

/** One field's problem, named by its path in the request body (e.g. `sites.0.name`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    fields?: FieldError[];
    /** Extra facts the screen needs, e.g. the current version of a record after a conflict. */
    details?: Record<string, unknown>;
  };
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return errorCatalogue[code][lang];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}
