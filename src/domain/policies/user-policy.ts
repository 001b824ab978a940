import type { Actor, TenantOwned } from '../actor';
import { can } from './can';

export interface UserAbilities {
  update: boolean;
  resetPassword: boolean;
  unlock: boolean;
  resetSecondFactor: boolean;
  signOutEverywhere: boolean;
  disable: boolean;
}

export function userAbilities(actor: Actor, user: TenantOwned & { id: string }): UserAbilities {
  const manage = can(actor, 'user.manage', user);
  // An administrator cannot disable their own account: an instance must keep one way in.
  const self = user.id === actor.userId;
  return {
    update: manage,
    resetPassword: manage && !self,
    unlock: manage,
    resetSecondFactor: manage && !self,
    signOutEverywhere: manage,
    disable: manage && !self,
  };
}
