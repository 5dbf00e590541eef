import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encodings a sensibly configured static host keeps precompressed, best first. */
export type ContentEncoding = 'br' | 'gzip';

export interface Precompressed {
  br: Uint8Array;
  gzip: Uint8Array;
}

/** Worth compressing: text and wasm. Data files the user brings never travel over the network. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm|arrows|csv)$/;

/**
 * Brotli at quality 11 (what a build-time compressor such as vite-plugin-compression writes) and
 * gzip -9. Quality 11 takes about a minute for the 33 MB wasm on this machine, so the results are
 * cached on disk by content hash: the wasm is compressed once, not once per build.
 */
export function precompress(bytes: Uint8Array, cacheDir: string): Promise<Precompressed> {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  // The app and the naive page ship the same wasm: compress it once.
  let job = pending.get(hash);
  if (!job) {
    job = compressOrReuse(bytes, hash, cacheDir);
    pending.set(hash, job);
  }
  return job;
}

const pending = new Map<string, Promise<Precompressed>>();

async function compressOrReuse(bytes: Uint8Array, hash: string, cacheDir: string): Promise<Precompressed> {
  const brPath = join(cacheDir, `${hash}.br`);
  const gzPath = join(cacheDir, `${hash}.gz`);
  if (existsSync(brPath) && existsSync(gzPath)) {
    return { br: readFileSync(brPath), gzip: readFileSync(gzPath) };
  }
  // zlib's async calls run on the libuv pool, so several files compress in parallel.
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(brPath, br);
  writeFileSync(gzPath, gz);
  return { br, gzip: gz };
}

/** The encoding to answer with, from the request's Accept-Encoding (q-values honoured, 0 = refused). */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name ?? '', q ? Number(q.slice(2)) : 1);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}
