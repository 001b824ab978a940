import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe('signing in', () => {
  it('a demo support worker signs in and sees the Japanese home page; no request leaves this server', async () => {
    const { page } = await h.newPage();
    const responses: { url: string; csp: string | undefined }[] = [];
    page.on('response', (r) =>
      responses.push({ url: r.url(), csp: r.headers()['content-security-policy'] }),
    );
    await page.goto(`${h.origin}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('サインイン');

    await signIn(page, h.origin, 'shien');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    expect(await page.getByTestId('welcome').textContent()).toBe('青木 里奈さん、ようこそ。');
    expect(await page.title()).toBe('ホーム | つなぐ');
    const nav = await page.getByRole('navigation', { name: 'メインメニュー' }).textContent();
    expect(nav).toContain('関係機関');
    expect(nav).not.toContain('職員アカウント');
    expect(nav).not.toContain('監査ログ');

    // The page's own font is used: Noto Sans JP, served from here.
    const fonts = h.requests.filter((u) => /\.woff2?$/.test(u));
    expect(fonts.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans JP"', 'つなぐ'))).toBe(
      true,
    );

    const foreign = h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    const html = responses.find((r) => r.url === `${h.origin}/sign-in` || r.url === `${h.origin}/`);
    expect(html?.csp).toContain("default-src 'self'");

    // The sign-in is in the audit log with the address it came from.
    const row = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'ip', 'actor_login_id'])
      .where('actor_login_id', '=', 'shien')
      .where('action', '=', 'auth.sign_in')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      action: 'auth.sign_in',
      outcome: 'success',
      ip: '127.0.0.1',
      actor_login_id: 'shien',
    });
  });

  it('says in Japanese, next to the form, that the password was wrong, and keeps the login ID', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.origin}/sign-in`);
    await page.getByLabel('ログインID').fill('shunin');
    await page.getByLabel('パスワード').fill('wrong-password');
    await page.getByRole('button', { name: 'サインインする' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'ログインIDまたはパスワードが正しくありません。',
    );
    expect(await page.getByLabel('ログインID').inputValue()).toBe('shunin');
  });

  it('works with the keyboard alone, from the skip link to the sign-in button', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.origin}/sign-in`);
    // The page heading takes the focus when a screen opens, so a screen reader announces it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('サインイン');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('loginId');
    await page.keyboard.type('kansa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('tsunagu-demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).textContent()).toContain(
      '監査ログ',
    );
    // The home screen announces itself first (its heading takes the focus once it has opened).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('ホーム');
    // From the top of the page, the first Tab offers the skip link, which leads into the content.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });

  it('switches to English and back', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'kanri');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Home');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Home');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
  });

  it('shows a 403 page for a screen the roles do not allow, and a 404 page for an unknown address', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'shien');
    await page.goto(`${h.origin}/users`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('この画面を表示する権限がありません');
    await page.goto(`${h.origin}/no/such/page`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('ページが見つかりません');
  });

  it('signs out and back to the sign-in page', async () => {
    const { page } = await h.newPage();
    await signIn(page, h.origin, 'jichitai');
    await page.getByRole('button', { name: 'サインアウト' }).click();
    // Signing out is a request to the server first: under CI's full load it took over the
    // one second a poll waits by default.
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe('/sign-in');
    await page.goto(`${h.origin}/municipality`);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe('/sign-in');
  });
});
