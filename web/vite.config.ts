import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app. Built into web/dist, which the Fastify server serves at "/" (with
// index.html as the fallback for every non-API path, so History API routes survive a reload).
const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Vite loads its config through a default export; this is the one exception to named exports.
export default defineConfig(({ command, mode }) => {
  // A production build must bundle React's production code and JSX transform even when it runs
  // inside a process with another NODE_ENV: vitest sets "test", and the test suite's global setup
  // builds this app in-process. Vite otherwise derives both from NODE_ENV.
  const productionBuild = command === 'build' && mode === 'production';
  return {
    root: webRoot,
    base: '/',
    plugins: [react()],
    define: productionBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    oxc: productionBuild ? { jsx: { development: false } } : {},
    build: {
      outDir: 'dist',
      emptyOutDir: true,
    },
    server: {
      // `npx vite --config web/vite.config.ts` during development: API calls go to a running server.
      proxy: { '/api': process.env.PASJA_API_URL ?? 'http://localhost:3000' },
    },
  };
});
