import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { authShim } from './dev/authShim';

// Where `npm run dev` forwards the API: a `trellis serve` on this machine.
const api = process.env.TRELLIS_API ?? 'http://127.0.0.1:8091';

export default defineConfig({
  base: '/',
  // TRELLIS_AUTH_SHIM=1: `npm run dev` answers the /auth routes itself, for a
  // server that does not have them yet (see dev/authShim.ts).
  plugins: process.env.TRELLIS_AUTH_SHIM === '1' ? [react(), authShim(api)] : [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // GraphiQL is served by Vite itself in development (/graphiql.html);
      // only POSTs go to the server.
      '/graphql': { target: api, changeOrigin: true },
      '/auth': { target: api, changeOrigin: true },
      '/files': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No data: URLs for fonts or scripts: the server's CSP allows data:
    // for images only, so every asset is a file of its own.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: {
        main: resolve(__dirname, 'index.html'),
        graphiql: resolve(__dirname, 'graphiql.html'),
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
