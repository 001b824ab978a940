import type { Actor, TenantOwned } from '../actor';
import { can } from './can';

export interface MunicipalityAbilities {
  update: boolean;
}

export function municipalityAbilities(
  actor: Actor,
  municipality: { id: string },
): MunicipalityAbilities {
  return { update: can(actor, 'municipality.update', { municipalityId: municipality.id }) };
}

export interface DirectoryEntryAbilities {
  update: boolean;
}

export function supportAgencyAbilities(actor: Actor, agency: TenantOwned): DirectoryEntryAbilities {
  return { update: can(actor, 'supportAgency.manage', agency) };
}

export function partnerAgencyAbilities(
  actor: Actor,
  partner: TenantOwned,
): DirectoryEntryAbilities {
  return { update: can(actor, 'partnerAgency.manage', partner) };
}

export interface DirectoryListAbilities {
  create: boolean;
}

export function supportAgencyListAbilities(actor: Actor): DirectoryListAbilities {
  return { create: can(actor, 'supportAgency.manage') };
}

export function partnerAgencyListAbilities(actor: Actor): DirectoryListAbilities {
  return { create: can(actor, 'partnerAgency.manage') };
}
