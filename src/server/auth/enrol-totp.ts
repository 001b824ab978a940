import { recordAudit } from '../audit/record-audit';
import type { ActorContext, AppDeps } from '../http/context';
import { DomainError } from '../http/domain-error';
import { updateSignInState } from '../users/user-store';
import { getOwnAccount } from './account';
import { acceptTotp, newTotpSecret, totpUri } from './totp';

/**
 * Turning on the second factor takes two steps: a new secret is shown (as a QR code the app scans,
 * and as text to type), then the user proves the app has it by entering a code. Only then is it on.
 */
export async function startTotpEnrolment(
  deps: AppDeps,
  ctx: ActorContext,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const user = await getOwnAccount(deps, ctx);
  if (user.totp_enabled_at) throw new DomainError('TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  const uri = totpUri(secret, user.login_id);
  // Loaded when needed: few users enrol, and every start would load it otherwise.
  const { default: QRCode } = await import('qrcode');
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  await deps.database.db.transaction().execute(async (trx) => {
    await updateSignInState(trx, user.id, { totp_pending_secret: secret });
    await recordAudit(trx, ctx, {
      action: 'account.totp_enrolment_started',
      outcome: 'success',
      subjectType: 'user',
      subjectId: user.id,
      legalBasis: 'self',
    });
  });
  return { secret, uri, qrSvg };
}

export async function confirmTotpEnrolment(
  deps: AppDeps,
  ctx: ActorContext,
  input: { code: string },
): Promise<void> {
  const user = await getOwnAccount(deps, ctx);
  if (user.totp_enabled_at) throw new DomainError('TOTP_ALREADY_ENABLED');
  const now = deps.now();
  const step = user.totp_pending_secret
    ? acceptTotp(user.totp_pending_secret, input.code, now, null)
    : null;
  if (step === null || !user.totp_pending_secret) {
    throw new DomainError('TOTP_INVALID', { fields: [{ path: 'code', key: 'invalidTotpCode' }] });
  }
  const secret = user.totp_pending_secret;
  await deps.database.db.transaction().execute(async (trx) => {
    await updateSignInState(trx, user.id, {
      totp_secret: secret,
      totp_enabled_at: now,
      totp_pending_secret: null,
      totp_last_step: step,
    });
    await recordAudit(trx, ctx, {
      action: 'account.totp_enabled',
      outcome: 'success',
      subjectType: 'user',
      subjectId: user.id,
      legalBasis: 'self',
    });
  });
}
