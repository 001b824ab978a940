import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The React client, built into dist/web and served by the Tsunagu server itself. Everything the
 * page loads — scripts, styles, the Noto Sans JP font files — ends up in dist/web/assets; nothing
 * is fetched from another origin.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Keep the assets as files even when small: the CSP allows no inline data for scripts/styles.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
