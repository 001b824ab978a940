import { type Kysely, sql } from 'kysely';
import type { CaseStatus } from '../../domain/cases/case-status';
import { ScopedReader } from '../access/scoped-reader';
import { recordAudit } from '../audit/record-audit';
import type { Database, SupportCase } from '../db/schema';
import type { ActorContext } from '../http/context';
import { DomainError, fieldError, forbidden } from '../http/domain-error';
import { personColumns } from '../persons/person-columns';
import type { PersonInput } from '../persons/schema';

/** 年度: April to March, as every Japanese office counts. */
export function fiscalYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The next case number of the municipality for the fiscal year: 2025-00042. */
export async function nextCaseNumber(
  trx: Kysely<Database>,
  municipalityId: string,
  on: string,
): Promise<string> {
  const fiscalYear = fiscalYearOf(on);
  const row = await trx
    .insertInto('case_number_counter')
    .values({ municipality_id: municipalityId, fiscal_year: fiscalYear, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'fiscal_year']).doUpdateSet({
        last_number: sql`case_number_counter.last_number + 1`,
      }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${fiscalYear}-${String(row.last_number).padStart(5, '0')}`;
}

/**
 * Opens a case for a person: a new person record, or one the worker found with the duplicate
 * check (it must be someone they may see). The case belongs to the worker's agency and the worker
 * leads it. Audited with the person.
 */
export async function openCase(
  trx: Kysely<Database>,
  ctx: ActorContext,
  input: {
    personId: string | null;
    person: PersonInput | undefined;
    status: CaseStatus;
    openedOn: string;
    intakeOn: string | null;
    now: Date;
  },
): Promise<SupportCase> {
  const agencyId = ctx.actor.supportAgencyId;
  if (!agencyId) throw forbidden({ action: 'case.create', subjectType: 'case' });
  const municipalityId = ctx.actor.municipalityId;

  let personId = input.personId;
  if (personId) {
    const visible = await new ScopedReader(trx, ctx.actor)
      .persons()
      .select('person.id')
      .where('person.id', '=', personId)
      .executeTakeFirst();
    if (!visible) throw fieldError('personId', 'unknownReference');
  } else if (input.person) {
    if (input.person.districtId) await assertDistrict(trx, municipalityId, input.person.districtId);
    const person = await trx
      .insertInto('person')
      .values({ ...personColumns(input.person), municipality_id: municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    personId = person.id;
    await recordAudit(trx, ctx, {
      action: 'person.create',
      outcome: 'success',
      subjectType: 'person',
      subjectId: personId,
      personId,
      legalBasis: 'own_case',
    });
  } else {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ path: 'person.name', key: 'required' }],
    });
  }

  const district = await trx
    .selectFrom('person')
    .select('district_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const kase = await trx
    .insertInto('support_case')
    .values({
      municipality_id: municipalityId,
      case_number: await nextCaseNumber(trx, municipalityId, input.openedOn),
      person_id: personId,
      support_agency_id: agencyId,
      lead_worker_id: ctx.actor.userId,
      district_id: district.district_id,
      status: input.status,
      status_changed_at: input.now,
      opened_on: input.openedOn,
      intake_on: input.intakeOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_transition')
    .values({
      case_id: kase.id,
      municipality_id: municipalityId,
      from_status: null,
      to_status: input.status,
      action: input.status === 'detected' ? 'open_detection' : 'open_intake',
      actor_user_id: ctx.actor.userId,
      occurred_at: input.now,
    })
    .execute();
  await recordAudit(trx, ctx, {
    action: 'case.create',
    outcome: 'success',
    subjectType: 'case',
    subjectId: kase.id,
    personId,
    legalBasis: 'own_case',
    legalBasisRef: kase.case_number,
    detail: { status: input.status },
  });
  return kase;
}

export async function assertDistrict(
  trx: Kysely<Database>,
  municipalityId: string,
  districtId: string,
  path = 'person.districtId',
) {
  const found = await trx
    .selectFrom('district')
    .select('id')
    .where('id', '=', districtId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!found) throw fieldError(path, 'unknownReference');
}
