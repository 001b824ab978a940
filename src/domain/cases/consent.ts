/**
 * 利用申込・同意 (DOMAIN.md §3 step 3): the person consents to the agency sharing their information
 * with the agencies needed — either every agency needed for their support (the national form's
 * wording), or the ones named. Consent can be withdrawn. Anything that shares information asks
 * this one function whether the consent covers the organisations that would see it.
 */
export interface ConsentRecord {
  id: string;
  givenOn: string;
  withdrawnOn: string | null;
  /** "必要な関係機関" without naming them. */
  allAgencies: boolean;
  partnerAgencyIds: readonly string[];
}

export function activeConsents(consents: readonly ConsentRecord[], on: string): ConsentRecord[] {
  return consents.filter((c) => c.givenOn <= on && (!c.withdrawnOn || c.withdrawnOn > on));
}

/** The consent that covers every given agency on a date, if any. */
export function consentCovering(
  consents: readonly ConsentRecord[],
  partnerAgencyIds: readonly string[],
  on: string,
): ConsentRecord | undefined {
  return activeConsents(consents, on).find(
    (c) => c.allAgencies || partnerAgencyIds.every((id) => c.partnerAgencyIds.includes(id)),
  );
}

/** The agencies no active consent covers on a date. */
export function agenciesWithoutConsent(
  consents: readonly ConsentRecord[],
  partnerAgencyIds: readonly string[],
  on: string,
): string[] {
  const active = activeConsents(consents, on);
  if (active.some((c) => c.allAgencies)) return [];
  return partnerAgencyIds.filter((id) => !active.some((c) => c.partnerAgencyIds.includes(id)));
}
