import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The widget: one classic script at /embed.js (no module loader, no hashed name, so a portal's
 * two lines never change), defining <zhili-practice-lookup>. Added to the explorer's build output.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: false,
    target: 'es2020',
    rollupOptions: { checks: { bundlerTimings: false } },
    lib: {
      entry: fileURLToPath(new URL('src/embed/embed.ts', import.meta.url)),
      formats: ['iife'],
      name: 'ZhiliEmbed',
      fileName: () => 'embed.js',
    },
  },
});
