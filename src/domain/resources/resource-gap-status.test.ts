import { describe, expect, it } from 'vitest';
import {
  isOpenResourceGap,
  resourceGapStatuses,
  resourceGapStatusLabels,
  resourceGapStepLabels,
  resourceGapSteps,
  resourceGapStepsFrom,
  resourceGapTarget,
  resourceGapTransitions,
} from './resource-gap-status';

describe('the resource gap lifecycle', () => {
  it('runs raised → recognised → in development → created, one step at a time', () => {
    expect(resourceGapTarget('raised', 'recognise')).toBe('recognised');
    expect(resourceGapTarget('recognised', 'start_development')).toBe('in_development');
    expect(resourceGapTarget('in_development', 'create')).toBe('created');
  });

  it('does not skip a stage: a raised gap is not developed or created before it is recognised', () => {
    expect(resourceGapTarget('raised', 'start_development')).toBeNull();
    expect(resourceGapTarget('raised', 'create')).toBeNull();
    expect(resourceGapTarget('recognised', 'create')).toBeNull();
    expect(resourceGapTarget('recognised', 'recognise')).toBeNull();
  });

  it('closes an open gap from any stage before a resource exists', () => {
    for (const status of ['raised', 'recognised', 'in_development'] as const) {
      expect(resourceGapTarget(status, 'close')).toBe('closed');
    }
  });

  it('ends at created or closed: nothing moves on from there', () => {
    expect(resourceGapStepsFrom('created')).toEqual([]);
    expect(resourceGapStepsFrom('closed')).toEqual([]);
    expect(isOpenResourceGap('created')).toBe(false);
    expect(isOpenResourceGap('closed')).toBe(false);
    expect(isOpenResourceGap('in_development')).toBe(true);
    for (const step of resourceGapSteps) {
      expect(resourceGapTarget('created', step)).toBeNull();
      expect(resourceGapTarget('closed', step)).toBeNull();
    }
  });

  it('offers from each status exactly the steps the table allows', () => {
    expect(resourceGapStepsFrom('raised')).toEqual(['recognise', 'close']);
    expect(resourceGapStepsFrom('recognised')).toEqual(['start_development', 'close']);
    expect(resourceGapStepsFrom('in_development')).toEqual(['create', 'close']);
  });

  it('reaches every status from raised, and labels every status and step in both languages', () => {
    const reached = new Set(['raised']);
    for (const { to } of Object.values(resourceGapTransitions)) reached.add(to);
    expect([...reached].sort()).toEqual([...resourceGapStatuses].sort());
    for (const status of resourceGapStatuses) {
      expect(resourceGapStatusLabels[status].ja).not.toBe('');
      expect(resourceGapStatusLabels[status].en).not.toBe('');
    }
    for (const step of resourceGapSteps) {
      expect(resourceGapStepLabels[step].ja).not.toBe('');
      expect(resourceGapStepLabels[step].en).not.toBe('');
    }
  });
});
