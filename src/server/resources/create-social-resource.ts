import type { Kysely } from 'kysely';
import { authorize } from '../access/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { rethrowDuplicateName } from '../organisations/duplicate-name';
import { getSocialResource } from './list-social-resources';
import { assertResourceReferences, socialResourceColumns } from './resource-columns';
import type { SocialResourceInput } from './schema';

/**
 * Adds a resource to the directory, in the caller's transaction: the resource a gap's last step
 * makes is written with the step (resource-gaps/advance-resource-gap.ts). `prefix` names the
 * fields where the request nests them.
 */
export async function insertSocialResource(
  trx: Kysely<Database>,
  ctx: ActorContext,
  input: SocialResourceInput,
  options: { prefix?: string; detail?: Record<string, unknown> } = {},
): Promise<string> {
  const municipalityId = ctx.actor.municipalityId;
  authorize(
    ctx.actor,
    'socialResource.manage',
    { municipalityId },
    { subjectType: 'social_resource' },
  );
  await assertResourceReferences(trx, municipalityId, input, options.prefix);
  const row = await trx
    .insertInto('social_resource')
    .values({ ...socialResourceColumns(input), municipality_id: municipalityId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: 'social_resource.create',
    outcome: 'success',
    subjectType: 'social_resource',
    subjectId: row.id,
    legalBasis: 'administration',
    ...(options.detail ? { detail: options.detail } : {}),
  });
  return row.id;
}

export async function createSocialResource(
  deps: AppDeps,
  ctx: ActorContext,
  input: SocialResourceInput,
) {
  try {
    const id = await deps.database.db
      .transaction()
      .execute((trx) => insertSocialResource(trx, ctx, input));
    return getSocialResource(deps, ctx, id);
  } catch (error) {
    rethrowDuplicateName(error);
  }
}
