import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { BENCH_TMP, REPO_ROOT } from './paths';

export const APP_DIST = `${BENCH_TMP}/app-dist`;
export const NAIVE_DIST = `${BENCH_TMP}/naive-dist`;
const HEAD_SOURCE = `${BENCH_TMP}/app-src`;
const NAIVE_ROOT = fileURLToPath(new URL('./naive/', import.meta.url));

/** What to build: a commit (a consistent state, named by its hash) or the files as they are now. */
export type AppSource = { commit: string } | 'working-tree';

/** A committed tree, exported to bench/tmp: others' unfinished edits never reach the measurement. */
function exportCommit(commit: string): string {
  rmSync(HEAD_SOURCE, { recursive: true, force: true });
  mkdirSync(HEAD_SOURCE, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', commit], { cwd: REPO_ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', HEAD_SOURCE], { input: tar });
  symlinkSync(`${REPO_ROOT}/node_modules`, `${HEAD_SOURCE}/node_modules`);
  return HEAD_SOURCE;
}

/**
 * Builds the app with the project's own build script into bench/tmp/app-dist, so dist/ (which the
 * browser tests serve, and other people rebuild) is never touched.
 */
export function buildApp(source: AppSource): Promise<void> {
  const cwd = source === 'working-tree' ? REPO_ROOT : exportCommit(source.commit);
  return new Promise((done, fail) => {
    // npm passes the extra arguments to the script's last command, `vite build`.
    const child = spawn('npm', ['run', '--silent', 'build', '--', '--outDir', APP_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd,
      stdio: 'inherit',
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`npm run build exited with ${code} (in ${cwd})`))));
  });
}

/** Builds the naive baseline page (scripts/bench/naive) with its own minimal Vite config. */
export async function buildNaive(): Promise<void> {
  await build({
    configFile: false,
    root: NAIVE_ROOT,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: NAIVE_DIST, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 4096, chunkSizeWarningLimit: 4096 },
  });
}
