import { describe, expect, it } from 'vitest';
import { openPGlite } from '../db/connect';
import { applyMigrations } from '../db/migrate';
import { getOutreach } from '../outreach/get-outreach';
import { testConfig } from '../test/test-app';
import { demoScriptOn, seedDemoData } from './seed-demo';

describe('outreach, participation and community building in the demo', () => {
  it('tells a withdrawn young man’s months of outreach from a café’s worry to his consent and his first place, Aさん’s places, and the salon’s worries', async () => {
    const database = await openPGlite({});
    try {
      await applyMigrations(database);
      const now = new Date();
      expect(await seedDemoData(database, testConfig(), now)).toBe(true);
      const db = database.db;

      // The lead came from the café's coordinator and is now a consultation with consent.
      const youth = await db
        .selectFrom('support_case')
        .innerJoin('person', 'person.id', 'support_case.person_id')
        .innerJoin('detection', 'detection.case_id', 'support_case.id')
        .select(['support_case.id', 'support_case.status', 'detection.source_detail'])
        .where('person.name', '=', '森田 陽太')
        .executeTakeFirstOrThrow();
      expect(youth.status).toBe('applied');
      expect(youth.source_detail).toBe('地域づくりの拠点「居場所カフェ ひだまり」で把握');

      const script = await demoScriptOn(database, testConfig(), now);
      const outreach = await getOutreach(script.deps, script.as('shien'), youth.id);
      expect(new Set(outreach.attempts.map((a) => a.channel))).toEqual(
        new Set(['letter', 'visit', 'through_family', 'chat', 'through_key_person', 'phone']),
      );
      expect(outreach.attempts.filter((a) => a.outcome === 'no_answer').length).toBeGreaterThan(1);
      expect(outreach.escalations).toEqual([]);
      expect(outreach.history[0]?.kind).toBe('detection');
      expect(outreach.history.slice(-2).map((h) => h.kind)).toEqual(['intake', 'consent']);
      expect(outreach.consented).toBe(true);

      // His place at the café, and the issue that started it all closed once he was reached.
      const matches = await db
        .selectFrom('participation_match')
        .innerJoin('support_case', 'support_case.id', 'participation_match.case_id')
        .innerJoin('person', 'person.id', 'support_case.person_id')
        .innerJoin(
          'social_resource',
          'social_resource.id',
          'participation_match.social_resource_id',
        )
        .select([
          'person.name',
          'social_resource.name as place',
          'participation_match.id',
          'participation_match.status',
          'participation_match.kind',
        ])
        .orderBy('participation_match.proposed_on')
        .execute();
      expect(matches.map((m) => [m.name, m.place, m.kind, m.status])).toEqual([
        ['海野 健二', '北地区ふれあいサロン', 'ibasho', 'active'],
        ['海野 健二', 'リサイクル工房 つばさ（認定就労訓練事業）', 'work_experience', 'ended'],
        ['森田 陽太', '居場所カフェ ひだまり', 'ibasho', 'trial'],
      ]);
      const followUps = await db
        .selectFrom('participation_follow_up')
        .select(['match_id', 'with_whom'])
        .execute();
      for (const match of matches) {
        const parties = followUps.filter((f) => f.match_id === match.id).map((f) => f.with_whom);
        expect(parties).toContain('person');
        expect(parties).toContain('host');
      }

      const issues = await db
        .selectFrom('community_issue')
        .innerJoin('social_resource', 'social_resource.id', 'community_issue.base_id')
        .select([
          'social_resource.name as base',
          'community_issue.status',
          'community_issue.passed_to',
          'community_issue.case_id',
        ])
        .orderBy('community_issue.noticed_on')
        .execute();
      expect(issues).toEqual([
        {
          base: '居場所カフェ ひだまり',
          status: 'closed',
          passed_to: 'support_agency',
          case_id: youth.id,
        },
        {
          base: '北地区ふれあいサロン',
          status: 'passed',
          passed_to: 'partner_agency',
          case_id: null,
        },
        { base: '北地区ふれあいサロン', status: 'open', passed_to: null, case_id: null },
      ]);
      const activities = await db.selectFrom('community_activity').select('base_id').execute();
      expect(activities).toHaveLength(4);
    } finally {
      await database.close();
    }
  });
});
