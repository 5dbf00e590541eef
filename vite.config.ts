import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { firstViewChunk } from './scripts/first-view-chunk';

export default defineConfig({
  // Relative asset paths: the build works from any static host, including under a sub-path.
  base: './',
  plugins: [svelte()],
  build: {
    target: 'es2022',
    // The 33 MB wasm is an asset, never inlined; keep the report readable.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 1024,
    rollupOptions: { output: { codeSplitting: { groups: [firstViewChunk] } } },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/sql/**/*.test.ts'],
          environment: 'node',
          // Generous: on a loaded machine (two shared cores) opening an engine with the demo data in a
          // beforeAll has taken longer than Vitest's 10 s default.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/support/serve-built-app.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
