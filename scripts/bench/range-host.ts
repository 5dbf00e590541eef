import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve } from 'node:path';

/** One response: what a published dataset's viewer downloaded, request by request. */
export interface ServedRange {
  method: string;
  path: string;
  range: string | null;
  status: number;
  bytes: number;
}

export interface RangeHost {
  origin: string;
  served: ServedRange[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet', '.duckdb': 'application/octet-stream',
};

/**
 * A plain static host on 127.0.0.1, as a published dataset would sit on: no compression, HEAD and
 * single byte-range requests answered with 206, every response recorded.
 */
export async function serveWithRanges(dir: string): Promise<RangeHost> {
  const root = resolve(dir);
  const served: ServedRange[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const record = (status: number, bytes: number) =>
      served.push({ method: request.method ?? 'GET', path, range: request.headers.range ?? null, status, bytes });
    let size: number;
    try {
      if (relative(root, file).startsWith('..')) throw new Error('outside');
      size = statSync(file).size;
    } catch {
      response.writeHead(404).end();
      record(404, 0);
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    let [start, end, status] = [0, size - 1, 200];
    if (range && (range[1] || range[2])) {
      start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      status = 206;
    }
    const length = end - start + 1;
    response.writeHead(status, {
      ...headers, 'content-length': String(length),
      ...(status === 206 ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      record(status, 0);
      return;
    }
    createReadStream(file, { start, end }).pipe(response);
    record(status, length);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
