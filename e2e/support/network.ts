import type { Page } from 'playwright-core';

/**
 * A slow network: the API requests chosen (by method and path) take `ms` (a second and a half
 * unless said) to reach the server.
 */
export async function slowly(
  page: Page,
  chosen: (method: string, path: string) => boolean,
  ms = 1500,
): Promise<void> {
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    if (chosen(request.method(), new URL(request.url()).pathname)) {
      await new Promise((r) => setTimeout(r, ms));
    }
    await route.continue();
  });
}
