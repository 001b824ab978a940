import type { SupportAgencyInput } from './schema';

/** The request's fields as support_agency columns. */
export function supportAgencyColumns(input: SupportAgencyInput, now: Date) {
  return {
    name: input.name,
    name_kana: input.nameKana,
    operation: input.operation,
    contractor_name: input.operation === 'commissioned' ? input.contractorName : null,
    contractor_kind: input.operation === 'commissioned' ? input.contractorKind : null,
    contract_start: input.contractStart,
    contract_end: input.contractEnd,
    phone: input.phone,
    email: input.email,
    notes: input.notes,
    archived_at: input.archived ? now : null,
  };
}
