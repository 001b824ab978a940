import { authorize } from '../access/authorize';
import type { ActorContext, AppDeps } from '../http/context';
import type { PersonInput } from '../persons/schema';
import { auditCase } from './case-access';
import { intakeColumns } from './intake-columns';
import { openCase } from './new-case';
import type { IntakeInput } from './schema';

/** 相談受付: a new consultation, counted as 新規相談 whatever the triage decides. */
export async function openIntake(
  deps: AppDeps,
  ctx: ActorContext,
  input: { personId: string | null; person?: PersonInput | undefined; intake: IntakeInput },
) {
  authorize(
    ctx.actor,
    'case.create',
    { municipalityId: ctx.actor.municipalityId },
    { subjectType: 'case' },
  );
  return deps.database.db.transaction().execute(async (trx) => {
    const kase = await openCase(trx, ctx, {
      personId: input.personId,
      person: input.person,
      status: 'intake',
      openedOn: input.intake.receivedOn,
      intakeOn: input.intake.receivedOn,
      now: deps.now(),
    });
    await trx
      .insertInto('intake')
      .values({
        ...intakeColumns(input.intake),
        case_id: kase.id,
        municipality_id: kase.municipality_id,
        received_by: ctx.actor.userId,
      })
      .execute();
    await auditCase(trx, ctx, kase, 'intake.create', { type: 'case', id: kase.id });
    return kase;
  });
}
