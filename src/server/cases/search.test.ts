import { beforeAll, describe, expect, it } from 'vitest';
import { getCaseView, openIntakeCase } from '../test/case-helpers';
import { signedIn, type TestClient } from '../test/client';
import { createWorld } from '../test/factories';
import { type TestApp, testApp } from '../test/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let worker: TestClient;
let caseNumber: string;

beforeAll(async () => {
  t = await testApp();
  world = await createWorld(t.database.db);
  worker = await signedIn(t.app, world.users.supportWorker.login_id);
  const a = await openIntakeCase(worker, {
    name: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    birthDate: 'S55.3.2',
    phoneMobile: '090-1111-2222',
  });
  caseNumber = a.caseNumber;
  await openIntakeCase(worker, {
    name: '佐藤 花子',
    nameKana: 'さとう はなこ',
    birthDate: '1990-07-07',
  });
  await openIntakeCase(worker, { name: '高橋 ｹﾝ', nameKana: 'ﾀｶﾊｼ ｹﾝ' });
});

const search = async (q: string, client = worker) =>
  (
    await client.get<{ items: { name: string }[] }>(`/api/cases/search?q=${encodeURIComponent(q)}`)
  ).body.items.map((i) => i.name);

describe('search', () => {
  it('finds a katakana and a kanji name with a hiragana query', async () => {
    expect(await search('やまだ')).toEqual(['山田 太郎']);
    expect(await search('たろう')).toEqual(['山田 太郎']);
    expect(await search('山田')).toEqual(['山田 太郎']);
  });

  it('finds a hiragana reading with a katakana or half-width query, and full-width with half-width', async () => {
    expect(await search('サトウ')).toEqual(['佐藤 花子']);
    expect(await search('ｻﾄｳ')).toEqual(['佐藤 花子']);
    expect(await search('けん')).toEqual(['高橋 ｹﾝ']);
    expect(await search('たかはし')).toEqual(['高橋 ｹﾝ']);
  });

  it('matches a part of a name, ignoring the space between family and given name', async () => {
    expect(await search('だたろ')).toEqual(['山田 太郎']);
    expect(await search('花')).toEqual(['佐藤 花子']);
  });

  it('finds a case by its person’s corrected name and no longer by the old one', async () => {
    const kase = await openIntakeCase(worker, { name: '架空 改名', nameKana: 'かくう かいめい' });
    expect(await search('かいめい')).toEqual(['架空 改名']);
    const view = await worker.get<{ person: { id: string; version: number } }>(
      `/api/cases/${kase.id}`,
    );
    const renamed = await worker.put(`/api/persons/${view.body.person.id}`, {
      name: '架空 新名',
      nameKana: 'かくう しんめい',
      version: view.body.person.version,
    });
    expect(renamed.status).toBe(200);
    expect(await search('かいめい')).toEqual([]);
    expect(await search('しんめい')).toEqual(['架空 新名']);
    expect(await search('新名')).toEqual(['架空 新名']);
  });

  it('says when more match than the page shows, and audits only the people shown', async () => {
    await openIntakeCase(worker, { name: '架空 多子', nameKana: 'かくう たこ' });
    await openIntakeCase(worker, { name: '架空 多美', nameKana: 'かくう たみ' });
    const page = async (limit: number) =>
      (
        await worker.get<{ items: { name: string; personId: string }[]; more: boolean }>(
          `/api/cases/search?q=${encodeURIComponent('かくう た')}&limit=${limit}`,
        )
      ).body;
    const one = await page(1);
    expect(one.items).toHaveLength(1);
    expect(one.more).toBe(true);
    const all = await page(5);
    expect(all.items.map((i) => i.name).sort()).toEqual(['架空 多子', '架空 多美']);
    expect(all.more).toBe(false);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('person_ids')
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', '=', 'case.search')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    // The newest row is the search of five; the one before, of one, names one person.
    expect(audited[1]?.person_ids).toEqual([one.items[0]?.personId]);
  });

  it('finds by case number and by phone number however written', async () => {
    expect(await search(caseNumber)).toEqual(['山田 太郎']);
    expect(await search('09011112222')).toEqual(['山田 太郎']);
    expect(await search('０９０－１１１１－２２２２')).toEqual(['山田 太郎']);
  });

  it('shows nothing to someone who may not see the cases, and audits what it shows', async () => {
    const other = await createWorld(t.database.db);
    const stranger = await signedIn(t.app, other.users.supportWorker.login_id);
    expect(await search('やまだ', stranger)).toEqual([]);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'person_ids'])
      .where('actor_user_id', '=', world.users.supportWorker.id)
      .where('action', '=', 'case.search')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Array.isArray(r.person_ids) && r.person_ids.length > 0)).toBe(true);
  });

  it('stores a 和暦 birth date as the right ISO date', async () => {
    const found = await worker.get<{ items: { id: string; birthDate: string }[] }>(
      `/api/cases/search?q=${encodeURIComponent('やまだ')}`,
    );
    expect(found.body.items[0]?.birthDate).toBe('1980-03-02');
    const view = await getCaseView(worker, found.body.items[0]?.id ?? '');
    expect((view as unknown as { person: { birthDate: string } }).person.birthDate).toBe(
      '1980-03-02',
    );
  });

  it('warns at intake of a person already known: same birth date, similar reading', async () => {
    const res = await worker.get<{ items: { name: string }[] }>(
      `/api/persons/duplicates?nameKana=${encodeURIComponent('やまだ たろう')}&birthDate=${encodeURIComponent('昭和55年3月2日')}`,
    );
    expect(res.body.items.map((i) => i.name)).toEqual(['山田 太郎']);
    const typo = await worker.get<{ items: unknown[] }>(
      `/api/persons/duplicates?nameKana=${encodeURIComponent('やまだ たろ')}&birthDate=1980-03-02`,
    );
    expect(typo.body.items).toHaveLength(1);
    const otherBirth = await worker.get<{ items: unknown[] }>(
      `/api/persons/duplicates?nameKana=${encodeURIComponent('やまだ たろう')}&birthDate=1981-03-02`,
    );
    expect(otherBirth.body.items).toHaveLength(0);
  });
});
