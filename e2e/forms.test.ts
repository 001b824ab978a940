import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe('forms never lose what was typed', () => {
  it('shows the errors next to the fields in Japanese and keeps the input', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shunin');
    await page.goto(`${h.origin}/partner-agencies/new`);
    await page.getByLabel('機関名（ふりがな）').fill('Legal Aid');
    await page.getByLabel('電話番号', { exact: false }).first().fill('電話はまだ');
    await page.getByRole('button', { name: '保存する' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('機関名: 入力してください。');
    expect(await page.locator('#nameKana-error').textContent()).toBe(
      'ふりがなは、ひらがなまたはカタカナで入力してください。',
    );
    expect(await page.locator('#field-error').textContent()).toBe('選択してください。');
    expect(await page.locator('#nameKana').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#nameKana').inputValue()).toBe('Legal Aid');
  });

  it('brings a draft back after a reload', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'kanri');
    await page.goto(`${h.origin}/partner-agencies/new`);
    await page.getByLabel('機関名', { exact: false }).first().fill('子ども食堂 ひまわり');
    await page.getByLabel('担当者名').fill('田中 明子');
    // The draft is stored a moment after the last keystroke; the form says so. Then a crash.
    await page.getByTestId('draft-saved').waitFor();
    const stored = await h.database.db
      .selectFrom('form_draft')
      .innerJoin('app_user', 'app_user.id', 'form_draft.user_id')
      .select('data')
      .where('login_id', '=', 'kanri')
      .where('form_key', '=', 'partner-agency:new')
      .executeTakeFirstOrThrow();
    expect(stored.data).toMatchObject({ name: '子ども食堂 ひまわり', liaisonName: '田中 明子' });
    await page.reload();
    await expect.poll(() => page.locator('#name').inputValue()).toBe('子ども食堂 ひまわり');
    expect(await page.locator('#liaisonName').inputValue()).toBe('田中 明子');
    expect(await page.getByRole('status').first().textContent()).toContain(
      '前回入力途中だった内容',
    );
  });

  it('shows both versions after a conflicting save and lets the second user keep theirs', async () => {
    const versionOf = async () =>
      (
        await h.database.db
          .selectFrom('partner_agency')
          .select('version')
          .where('name', '=', 'ハローワーク架空')
          .executeTakeFirstOrThrow()
      ).version;
    const before = await versionOf();
    const first = await h.newPage();
    const second = await h.newPage();
    await signIn(first.page, h.origin, 'kanri');
    await signIn(second.page, h.origin, 'shunin');
    for (const { page } of [first, second]) {
      await page.goto(`${h.origin}/partner-agencies`);
      await page.getByRole('link', { name: 'ハローワーク架空' }).click();
      await page.locator('#liaisonName').waitFor();
    }
    await first.page.locator('#liaisonName').fill('小林 恵（異動予定）');
    await first.page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => new URL(first.page.url()).pathname).toBe('/partner-agencies');

    await second.page.locator('#liaisonTitle').fill('就職支援ナビゲーター（統括）');
    await second.page.getByRole('button', { name: '保存する' }).click();
    const conflict = second.page.getByTestId('conflict');
    await conflict.waitFor();
    const text = await conflict.textContent();
    expect(text).toContain('ほかの方が先に更新しました');
    expect(text).toContain('小林 恵（異動予定）');
    expect(text).toContain('就職支援ナビゲーター（統括）');
    // The second user's input is still in the form.
    expect(await second.page.locator('#liaisonTitle').inputValue()).toBe(
      '就職支援ナビゲーター（統括）',
    );

    await second.page.getByRole('button', { name: '自分の入力で保存し直す' }).click();
    await expect.poll(() => new URL(second.page.url()).pathname).toBe('/partner-agencies');
    const row = await h.database.db
      .selectFrom('partner_agency')
      .select(['liaison_name', 'liaison_title', 'version'])
      .where('name', '=', 'ハローワーク架空')
      .executeTakeFirstOrThrow();
    expect(row.liaison_title).toBe('就職支援ナビゲーター（統括）');
    // Two saves: the first user's, then the second user's over it.
    expect(row.version).toBe(before + 2);
  });

  it('keeps the page and its input when the session ends, and signs in over it', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'kanri');
    await page.goto(`${h.origin}/support-agencies/new`);
    await page.locator('#name').fill('あおぞら相談センター');
    // The session ends on the server (as after the idle time).
    await h.database.db
      .deleteFrom('user_session')
      .where('user_id', 'in', (eb) =>
        eb.selectFrom('app_user').select('id').where('login_id', '=', 'kanri'),
      )
      .execute();
    await page.locator('#phone').fill('0120-000-999');
    await page.getByRole('button', { name: '保存する' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('もう一度サインインしてください');
    await dialog.getByLabel('ログインID').fill('kanri');
    await dialog.getByLabel('パスワード').fill('tsunagu-demo');
    await dialog.getByRole('button', { name: 'サインインする' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('#name').inputValue()).toBe('あおぞら相談センター');
    expect(await page.locator('#phone').inputValue()).toBe('0120-000-999');
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/support-agencies');
    await expect
      .poll(() => page.getByRole('link', { name: 'あおぞら相談センター' }).count())
      .toBe(1);
  });
});
