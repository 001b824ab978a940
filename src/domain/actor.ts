import type { Role } from './roles';

/** Who is acting: the signed-in user as the policies and the scoped reader see them. */
export interface Actor {
  userId: string;
  loginId: string;
  /** The municipality whose data the user works on (the tenant). */
  municipalityId: string;
  roles: readonly Role[];
  supportAgencyId: string | null;
  partnerAgencyId: string | null;
}

/** Anything that belongs to one municipality. */
export interface TenantOwned {
  municipalityId: string;
}
