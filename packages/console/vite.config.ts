import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The platform serves `dist/` in production (with an SPA fallback); in development Vite serves the
// console and forwards API and health calls to a platform started with `npm run dev` or `npm start`.
const platform = process.env.FANZHA_PLATFORM_URL ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; pages are split per route, so the warning only adds noise.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': platform,
      '/healthz': platform,
      '/readyz': platform,
    },
  },
});
