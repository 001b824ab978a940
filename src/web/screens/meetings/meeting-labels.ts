import { type MeetingType, meetingTypeRules } from '../../../domain/meetings/meeting-types';

/** A meeting type's name in both languages, from its rule. */
export function meetingTypeLabel(type: MeetingType): { ja: string; en: string } {
  const rule = meetingTypeRules[type];
  return { ja: rule.ja, en: rule.en };
}
