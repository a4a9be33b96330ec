import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:7007';
// Resolved from this file, so the build works from the repo root and from web/ alike.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

// The server serves the built SPA from dist/web; `vite` alone is only for working on the UI.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
    },
  },
});
