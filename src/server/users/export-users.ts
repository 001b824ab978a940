import type { Lang } from '../../domain/errors';
import { roleLabels } from '../../domain/roles';
import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { csvDocument } from '../http/csv';
import { listUsers } from './list-users';
import type { UserListQuery } from './schema';

const headers: Record<Lang, string[]> = {
  ja: ['ログインID', '氏名', 'ふりがな', 'メール', '役割', '状態', '2段階認証', '最終サインイン'],
  en: ['Login ID', 'Name', 'Reading', 'E-mail', 'Roles', 'Status', 'Two-step', 'Last sign-in'],
};

const statusLabels = {
  active: { ja: '利用中', en: 'Active' },
  locked: { ja: 'ロック中', en: 'Locked' },
  disabled: { ja: '利用停止', en: 'Disabled' },
} as const;

export async function exportUsers(deps: AppDeps, ctx: ActorContext, query: UserListQuery) {
  const items = await listUsers(deps, ctx, query);
  const lang = ctx.lang;
  await recordAudit(deps.database.db, ctx, {
    action: 'user.export',
    outcome: 'success',
    subjectType: 'user',
    legalBasis: 'administration',
    detail: { rows: items.length },
  });
  return csvDocument(
    headers[lang],
    items.map((u) => [
      u.loginId,
      u.displayName,
      u.displayNameKana,
      u.email,
      u.roles.map((r) => roleLabels[r][lang]).join('・'),
      statusLabels[u.status][lang],
      u.totpEnabled ? (lang === 'ja' ? '有効' : 'On') : '',
      u.lastSignInAt,
    ]),
  );
}
