import { describe, expect, it } from 'vitest';
import { relationshipLabel } from './vocabulary';

describe('relationshipLabel', () => {
  it('writes 続柄 as a form does when the sex is known', () => {
    expect(relationshipLabel('parent', 'male').ja).toBe('父');
    expect(relationshipLabel('parent', 'female').ja).toBe('母');
    expect(relationshipLabel('grandparent', 'female').ja).toBe('祖母');
    expect(relationshipLabel('spouse', 'male')).toEqual({ ja: '夫', en: 'Husband' });
  });

  it('keeps the relationship’s own label when the sex is not known or does not change it', () => {
    expect(relationshipLabel('parent', null).ja).toBe('父母');
    expect(relationshipLabel('parent', 'unanswered').ja).toBe('父母');
    expect(relationshipLabel('child', 'male').ja).toBe('子');
    expect(relationshipLabel('no-such-code', 'male').ja).toBe('その他');
  });
});
