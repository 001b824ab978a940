import { describe, expect, it } from 'vitest';
import { serviceClasses } from '../../domain/cases/vocabulary';
import { resourceCategories } from '../../domain/resources/vocabulary';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { testConfig } from '../test/test-app';
import { seedDemoData } from './seed-demo';

describe('the demo network of 架空市', () => {
  it('has partners that say how to refer, a directory across every kind and class with places for participation and two community bases, and the meeting’s gap taken to a new resource', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      expect(await seedDemoData(database, testConfig())).toBe(true);
      const db = database.db;

      const described = await db
        .selectFrom('partner_agency')
        .select(['name', 'version'])
        .where('how_to_refer', 'is not', null)
        .where('opening_hours', 'is not', null)
        .execute();
      expect(described.length).toBeGreaterThanOrEqual(5);
      expect(described.every((p) => p.version === 2)).toBe(true);

      const resources = await db.selectFrom('social_resource').selectAll().execute();
      expect(resources.length).toBeGreaterThanOrEqual(12);
      expect(resources.length).toBeLessThanOrEqual(20);
      expect(new Set(resources.map((r) => r.category))).toEqual(new Set(resourceCategories));
      expect(new Set(resources.map((r) => r.service_class))).toEqual(new Set(serviceClasses));
      expect(resources.some((r) => !r.formal)).toBe(true);
      const offering = (kind: string) =>
        resources.filter((r) => (r.participation_kinds as string[]).includes(kind));
      expect(offering('ibasho').length).toBeGreaterThan(0);
      expect(offering('volunteering').length).toBeGreaterThan(0);
      expect(offering('learning_support').length).toBeGreaterThan(0);
      expect(offering('intermediate_work').every((r) => r.accommodations)).toBe(true);
      expect(offering('intermediate_work').length).toBeGreaterThanOrEqual(2);
      const bases = resources.filter((r) => r.is_community_base);
      expect(bases).toHaveLength(2);
      expect(bases.every((r) => r.coordinator_name)).toBe(true);
      expect(resources.every((r) => r.search_text.length > 0)).toBe(true);

      const gap = await db
        .selectFrom('resource_gap')
        .innerJoin('social_resource', 'social_resource.id', 'resource_gap.resource_id')
        .select([
          'resource_gap.id',
          'resource_gap.status',
          'resource_gap.meeting_item_id',
          'social_resource.name',
        ])
        .executeTakeFirstOrThrow();
      expect(gap).toMatchObject({ status: 'created', name: 'みどり農園（認定就労訓練事業）' });
      expect(gap.meeting_item_id).not.toBeNull();
      const events = await db
        .selectFrom('resource_gap_event')
        .select(['step', 'occurred_at'])
        .where('gap_id', '=', gap.id)
        .orderBy('id')
        .execute();
      expect(events.map((e) => e.step)).toEqual(['recognise', 'start_development', 'create']);
      expect(events.every((e) => e.occurred_at.getTime() <= Date.now())).toBe(true);
      const times = events.map((e) => e.occurred_at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
    } finally {
      await database.close();
    }
  });
});
