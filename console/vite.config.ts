import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { GetModuleInfo } from 'rollup';
import { defineConfig } from 'vitest/config';

// Where `npm run dev` forwards the API: a `trellis serve` on this machine.
const api = process.env.TRELLIS_API ?? 'http://127.0.0.1:8091';

const entries = {
  main: resolve(__dirname, 'index.html'),
  graphiql: resolve(__dirname, 'graphiql.html'),
};

/** Every module an entry reaches, through static and dynamic imports. */
function reachable(from: string, getModuleInfo: GetModuleInfo): Set<string> {
  const seen = new Set<string>([from]);
  for (const id of seen) {
    const info = getModuleInfo(id);
    if (!info) continue;
    for (const next of [...info.importedIds, ...info.dynamicallyImportedIds]) seen.add(next);
  }
  return seen;
}

/**
 * A fixed chunk layout. Left to itself, Rollup splits GraphiQL's lazily
 * imported CodeMirror add-ons into some thirty small chunks, whose number
 * and names followed how CodeMirror happened to be wrapped (see
 * `commonjsOptions` below, the fix for that). Here every module is placed
 * by what reaches it:
 *  - only the GraphiQL entry: its packages in one `graphiql-vendor` chunk
 *    (their lazy imports included: the page needs them right away anyway),
 *    its own code in its entry chunk;
 *  - both entries (React, the session code): one `shared` chunk;
 *  - only the console: left in the console's entry chunk.
 * Both kinds are assigned explicitly because Rollup pulls a manual chunk's
 * unassigned dependencies into it, which would make the console load
 * GraphiQL's chunk just for React.
 */
function chunkLayout() {
  let sets: { main: Set<string>; graphiql: Set<string> } | null = null;
  return (id: string, { getModuleInfo }: { getModuleInfo: GetModuleInfo }): string | undefined => {
    sets ??= { main: reachable(entries.main, getModuleInfo), graphiql: reachable(entries.graphiql, getModuleInfo) };
    if (id === entries.main || id === entries.graphiql) return undefined;
    const inMain = sets.main.has(id);
    const inGraphiql = sets.graphiql.has(id);
    if (inMain && inGraphiql) return 'shared';
    // The GraphiQL page's own code stays in its entry chunk.
    if (inGraphiql && id.includes('/node_modules/')) return 'graphiql-vendor';
    return undefined;
  };
}

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      // GraphiQL is served by Vite itself in development (/graphiql.html);
      // only POSTs go to the server.
      '/graphql': { target: api, changeOrigin: true },
      // No changeOrigin: the server checks that the browser's Origin names
      // the Host it was sent to, so the browser's Host must go through.
      '/auth': { target: api },
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
    commonjsOptions: {
      // Wrap every CommonJS module, so that how a module is imported does not
      // depend on the order modules finished loading in. With the default
      // ('auto'), whether CodeMirror (required by its add-ons, imported by
      // GraphiQL) gets wrapped depends on which importer is seen first, and
      // so did the bundle's bytes.
      strictRequires: true,
    },
    rollupOptions: {
      input: entries,
      output: {
        manualChunks: chunkLayout(),
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    include: ['src/**/*.test.{ts,tsx}'],
    // Generous: the machine may be busy building the server at the same time.
    testTimeout: 20_000,
  },
});
