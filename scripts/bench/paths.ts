import { fileURLToPath } from 'node:url';

/** The repository root, wherever the bench is run from. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
/** Generated files (builds, datasets, compressed assets): ignored by git. */
export const BENCH_TMP = `${REPO_ROOT}/bench/tmp`;
/** The committed results. */
export const BENCH_OUT = `${REPO_ROOT}/bench`;
