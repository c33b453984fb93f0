import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built with `vite build web` from the project root: the root is this folder, the output `web/dist`, which
 * the server serves itself (src/http/routes/web-ui.ts). No CDN, no external fonts: the UI must work offline.
 * `vite web` runs a dev server that forwards the API to a local Cepat on :8080.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Everything as files under /assets (hashed names, cached for a year); nothing inlined as data: URLs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
