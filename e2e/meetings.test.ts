import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays } from './support/case-screens';
import { type Harness, signIn, startHarness } from './support/harness';
import {
  prepareSeed000Cases,
  seed000Cases,
  socialWelfareCouncil,
  workReadiness,
} from './support/meeting-cases';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await prepareSeed000Cases(h);
});

afterAll(async () => {
  await h.close();
});

async function agendaCount(page: Page) {
  return page.getByTestId('agenda-item').count();
}

/** Opens the first upcoming meeting of a body from the meetings list (with that text in its row). */
async function openUpcoming(page: Page, body: string, text = body) {
  await page
    .getByTestId('upcoming-meetings')
    .getByRole('row')
    .filter({ hasText: body })
    .filter({ hasText: text })
    .first()
    .getByRole('link')
    .click();
}

/** Adds a case to the agenda through the search box, as an evaluation, with its partner. */
async function addByName(page: Page, name: string, guest: string | null) {
  const before = await agendaCount(page);
  const form = page.getByTestId('add-item');
  await form.locator('#item-case-search').fill(name);
  await form.getByRole('button', { name: '検索' }).click();
  await form
    .getByTestId('item-case-results')
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await form.locator('#item-kind').selectOption('evaluation');
  if (guest) await form.getByLabel(guest).check();
  await form.getByRole('button', { name: '議題に追加する' }).click();
  await expect.poll(() => agendaCount(page)).toBe(before + 1);
}

describe('meetings through the screens', () => {
  it("rebuilds seed 000's 支援調整会議: six cases in 30-minute slots from 9:00, two partners joining for one case each, and prints the timetable", async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');

    // The chief schedules next month's meeting of the 支援調整会議 at 9:00.
    await page.goto(`${h.origin}/meetings`);
    const schedule = page.getByTestId('schedule-form');
    await schedule.locator('#seriesId').selectOption({ label: '架空市支援調整会議' });
    await schedule.locator('#heldOn').fill(inDays(21));
    await schedule.locator('#startsAt').fill('09:00');
    await schedule.getByRole('button', { name: '会議を予定する' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await expect.poll(() => page.getByTestId('meeting-start').textContent()).toBe('09:00');

    // The two new plans come as suggestions (plans awaiting review); the evaluations are found
    // by name, and the 社協 and the 就労準備支援 worker join for their case only.
    for (const c of seed000Cases) {
      if (c.kind === 'new_plan') {
        const before = await agendaCount(page);
        await page
          .getByTestId('suggestions')
          .getByRole('listitem')
          .filter({ hasText: c.name })
          .getByRole('button', { name: '議題に加える' })
          .click();
        await expect.poll(() => agendaCount(page)).toBe(before + 1);
      } else {
        await addByName(page, c.name, c.guest);
      }
    }

    const rows = page.getByTestId('agenda-item');
    await expect
      .poll(() => page.getByTestId('slot').allTextContents())
      .toEqual([
        '09:00〜09:30',
        '09:30〜10:00',
        '10:00〜10:30',
        '10:30〜11:00',
        '11:00〜11:30',
        '11:30〜12:00',
      ]);
    const texts = await rows.allTextContents();
    for (const [i, c] of seed000Cases.entries()) {
      expect(texts[i]).toContain(c.name);
      expect(texts[i]).toContain(c.kind === 'new_plan' ? '新規' : '評価');
    }
    expect(await page.getByTestId('guests').allTextContents()).toEqual([
      '',
      socialWelfareCouncil,
      '',
      '',
      workReadiness,
      '',
    ]);

    // The printed 次第・進行表: the same six slots, the partners, and each case's phases.
    await page.goto(`${h.origin}/meetings/${meetingId}/print`);
    const printed = page.getByTestId('print-item');
    await expect.poll(() => printed.count()).toBe(6);
    const timetable = await page.getByTestId('print-timetable').textContent();
    expect(timetable).toContain('09:00〜09:30');
    expect(timetable).toContain('11:30〜12:00');
    expect(timetable).toContain(socialWelfareCouncil);
    expect(timetable).toContain(workReadiness);
    // The first case's phases at the default 2/5/5/13/5 minutes.
    const first = await printed.first().textContent();
    expect(first).toContain('09:00〜09:02');
    expect(first).toContain('09:12〜09:25');
    expect(first).toContain('09:25〜09:30');
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    // A4 portrait in points.
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
  });

  it('refuses a partner outside the consent, names it, and takes the case to the 支援会議 instead', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');
    await page.goto(`${h.origin}/meetings`);
    await openUpcoming(page, '架空市支援調整会議');
    await page.getByTestId('add-item').waitFor();
    // 松本 美咲 consented to the housing NPO only; the 社協 is not in her consent.
    const form = page.getByTestId('add-item');
    await form.locator('#item-case-search').fill('松本 美咲');
    await form.getByRole('button', { name: '検索' }).click();
    await form
      .getByTestId('item-case-results')
      .getByRole('button', { name: /松本 美咲/ })
      .click();
    await form.getByLabel(socialWelfareCouncil).check();
    await form.getByRole('button', { name: '議題に追加する' }).click();
    const refusal = page.getByTestId('consent-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(socialWelfareCouncil);
    await refusal.getByRole('button', { name: /架空市支援会議/ }).click();
    await refusal.getByRole('link', { name: /架空市支援会議/ }).click();
    await expect
      .poll(() => page.getByTestId('agenda-item').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('松本 美咲')]));
    expect(await page.getByTestId('agenda').textContent()).toContain('支援会議（守秘義務）');
  });

  it('records a meeting: attendance with the municipal officer, the plan adopted, homework on the owner’s home page', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');
    await page.goto(`${h.origin}/meetings`);
    await openUpcoming(page, '架空市支援調整会議', '議題 6件');
    await page.getByTestId('attendance').waitFor();

    // Without the officer present, the decision is refused with the reason.
    const first = page.getByTestId('agenda-item').first();
    await first.getByRole('button', { name: '記録する' }).click();
    const record = first.getByTestId('item-record-form');
    await record.locator('[id$="-discussion"]').fill('就労準備支援事業の利用で合意。');
    await record.locator('[id$="-decision"]').selectOption('adopted');
    await record.getByRole('button', { name: '記録を保存する' }).click();
    await expect.poll(() => record.textContent()).toContain('自治体担当者の出席が必要です');

    // The officer attended: recorded, then the plan is adopted with homework for the worker.
    const officer = page.getByTestId('attendee').filter({ hasText: '山本 誠' }).first();
    await officer.getByLabel('出席', { exact: true }).check();
    await page.getByTestId('attendance').getByRole('button', { name: '出欠を保存する' }).click();
    await page.getByText('出欠を保存しました。').waitFor();
    await record.getByRole('button', { name: '宿題を追加する' }).click();
    await record
      .locator('[id$="homework.0.description"]')
      .fill('就労準備支援事業所へ見学の同行を調整する');
    await record.locator('[id$="homework.0.ownerId"]').selectOption({ label: '青木 里奈' });
    await record.getByRole('button', { name: '記録を保存する' }).click();
    await expect.poll(() => first.getByTestId('decision').textContent()).toBe('了承');

    // The municipality's support decision, recorded from the meeting page by the officer.
    const municipality = await h.newPage();
    await signIn(municipality.page, h.origin, 'jichitai');
    await municipality.page.goto(page.url());
    const decision = municipality.page
      .getByTestId('agenda-item')
      .first()
      .getByTestId('meeting-support-decision');
    await decision.locator('[id$="programmesDecided-work_readiness"]').check();
    await decision.getByRole('button', { name: '支援決定を記録する' }).click();
    await decision.waitFor({ state: 'detached' });
    const plan = await h.database.db
      .selectFrom('plan')
      .innerJoin('support_case', 'support_case.id', 'plan.case_id')
      .innerJoin('person', 'person.id', 'support_case.person_id')
      .select('plan.status')
      .where('person.name', '=', seed000Cases[0].name)
      .executeTakeFirstOrThrow();
    expect(plan.status).toBe('decided');

    const worker = await h.newPage();
    await signIn(worker.page, h.origin, 'shien');
    await expect
      .poll(() => worker.page.getByTestId('my-tasks').textContent())
      .toContain('就労準備支援事業所へ見学の同行を調整する');
  });

  it('shows a partner agency’s staff only the item they were invited to', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'kankei');
    await page.goto(`${h.origin}/meetings`);
    await openUpcoming(page, '架空市支援調整会議');
    await page.getByTestId('agenda').waitFor();
    const items = await page.getByTestId('agenda-item').allTextContents();
    // The 包括 joins for Cさん's evaluation, within her consent; Aさん's item stays closed.
    expect(items.some((text) => text.includes('坂口 真由美'))).toBe(true);
    expect(items.some((text) => text.includes('海野 健二'))).toBe(false);
    expect(items.some((text) => text.includes('この案件は閲覧できません'))).toBe(true);
    // Nothing to manage: no agenda builder, no attendance.
    expect(await page.getByTestId('add-item').count()).toBe(0);
    expect(await page.getByTestId('attendance').count()).toBe(0);
  });
});
