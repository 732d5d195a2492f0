import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { tourQueries } from './tour-queries.plugin.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The explorer (index.html) and the GraphQL IDE (graphiql.html), built into dist/web, which the
 * API serves (src/server/web.router.ts). Hashed assets under /assets; public/ (the widget's demo
 * page) is copied as is. The widget itself is built by vite.embed.config.ts.
 */
export default defineConfig(({ command }) => ({
  root: here,
  cacheDir: fileURLToPath(new URL('../node_modules/.vite', import.meta.url)),
  // A build is for production whatever NODE_ENV the shell or the test runner set (React and Preact
  // ship debug builds otherwise).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  base: '/',
  publicDir: 'public',
  plugins: [tourQueries(fileURLToPath(new URL('../README.md', import.meta.url)))],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: command !== 'build' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { main: `${here}index.html`, graphiql: `${here}graphiql.html` },
      // Timing notes appear only when the machine is busy (CI running tests beside the build):
      // noise.
      checks: { bundlerTimings: false },
      // React libraries mark modules "use client" for server rendering, which a browser bundle has
      // no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npm run web:dev`: the explorer with hot reload, against the API on its default port.
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
}));
