import type { Actor } from '../actor';
import type { SharingRule } from '../meetings/meeting-types';
import { can } from './can';

/**
 * Who may see a case discussed at a meeting (DOMAIN.md §4). The meeting's date and body are no
 * secret to the staff of the municipality; what is said about a person is:
 *
 * - at a body resting on **consent**, staff who may read the case see it as their own case work;
 *   anyone else only when invited to the meeting (or to this item) and when the person's consent
 *   on the item covers their organisation;
 * - at a body under the **law** (支援会議 and its kin), only its members — a staff member, or a
 *   whole organisation — and temporary members appointed for the item in advance, and each only
 *   after acknowledging the duty of confidentiality; the case's own workers are no exception;
 * - at an **internal** case conference, the staff of the hosting agency who may read the case.
 *
 * Each allowed read names its basis, which goes into the audit row.
 */
export interface ItemFacts {
  municipalityId: string;
  sharing: SharingRule;
  hostAgencyId: string | null;
  /** The actor, or their organisation, is on the register of the item's body. */
  member: boolean;
  /** The actor, or their organisation, joins this item as a temporary member appointed in advance. */
  appointedGuest: boolean;
  /** The actor has acknowledged the duty of confidentiality of the item's body. */
  acknowledged: boolean;
  /** The actor, or their organisation, is invited to the meeting or joins this item. */
  invited: boolean;
  /** The case policy lets the actor read the case. */
  readsCase: boolean;
  /** The consent the item rests on covers the actor's organisation. */
  consentCoversActor: boolean;
}

export type ItemAccess =
  | { allowed: true; basis: 'own_case' | 'consent' | 'support_meeting' }
  | {
      allowed: false;
      code: 'MEETING_NOT_MEMBER' | 'CONFIDENTIALITY_NOT_ACKNOWLEDGED' | 'MEETING_OUTSIDE_CONSENT';
    };

export function itemAccess(actor: Actor, item: ItemFacts): ItemAccess {
  if (!can(actor, 'meeting.read', item)) return { allowed: false, code: 'MEETING_NOT_MEMBER' };
  switch (item.sharing) {
    case 'law':
      if (!item.member && !item.appointedGuest)
        return { allowed: false, code: 'MEETING_NOT_MEMBER' };
      if (!item.acknowledged) return { allowed: false, code: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED' };
      return { allowed: true, basis: 'support_meeting' };
    case 'consent':
      if (item.readsCase) return { allowed: true, basis: 'own_case' };
      if (!item.invited) return { allowed: false, code: 'MEETING_NOT_MEMBER' };
      if (!item.consentCoversActor) return { allowed: false, code: 'MEETING_OUTSIDE_CONSENT' };
      return { allowed: true, basis: 'consent' };
    case 'internal':
      return item.readsCase && actor.supportAgencyId === item.hostAgencyId
        ? { allowed: true, basis: 'own_case' }
        : { allowed: false, code: 'MEETING_NOT_MEMBER' };
  }
}

/**
 * Whether tax information (課税・滞納情報) may be shared on an item resting on this basis.
 * 地方税法第22条 punishes the disclosure of secrets learnt in tax work, and the members' duty of
 * confidentiality at a body under the law (支援会議) does not lift it: what came from the tax
 * records is shared only with the person's consent, so never on an item resting on the law. At a
 * body resting on consent, or inside the agency, it stays within what the person agreed to.
 */
export function taxInformationShareable(basis: SharingRule): boolean {
  return basis !== 'law';
}

export interface MeetingFacts {
  municipalityId: string;
  sharing: SharingRule;
  hostAgencyId: string | null;
  /** Member of the meeting's body or of a joint one, invited, or joining an item. */
  involved: boolean;
}

/**
 * Whether the meeting itself (date, body, place, who attends — no case) shows: to staff of the
 * municipality, except another agency's internal case conference; to partner staff only when
 * their organisation or they themselves are involved.
 */
export function canSeeMeeting(actor: Actor, meeting: MeetingFacts): boolean {
  if (!can(actor, 'meeting.read', meeting)) return false;
  if (meeting.involved) return true;
  if (actor.roles.includes('partner_staff') && !can(actor, 'meeting.manage', meeting)) return false;
  if (meeting.sharing === 'internal') return actor.supportAgencyId === meeting.hostAgencyId;
  return true;
}
