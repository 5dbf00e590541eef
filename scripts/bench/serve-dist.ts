import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { chooseEncoding, COMPRESSIBLE, precompress, type ContentEncoding, type Precompressed } from './precompress';

/** One folder served under a URL prefix ('/' or '/naive/'). */
export interface Mount {
  prefix: string;
  dir: string;
  /** Precompress its text and wasm files at start (built output); otherwise served as stored (datasets). */
  precompressed: boolean;
}

/** What the server sent for one response: the server's own count, a cross-check on Chromium's. */
export interface SentResponse {
  path: string;
  encoding: ContentEncoding | 'identity';
  bytes: number;
}

export interface StaticServer {
  origin: string;
  /** Responses since the last call, then forgets them. */
  takeSent(): SentResponse[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.arrows': 'application/vnd.apache.arrow.stream',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
};

interface Entry {
  file: string;
  size: number;
  compressed: Precompressed | null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A tiny static host for the built pages, on 127.0.0.1: precompressed brotli/gzip for whoever
 * accepts it (as a sensibly configured host would), so "bytes sent" means bytes over the wire.
 */
export async function serveDist(mounts: readonly Mount[], cacheDir: string): Promise<StaticServer> {
  const entries = new Map<string, Entry>();
  const jobs: Promise<void>[] = [];
  for (const mount of mounts) {
    if (!mount.precompressed) continue;
    for (const file of filesUnder(mount.dir)) {
      const urlPath = mount.prefix + relative(mount.dir, file).split(sep).join('/');
      const entry: Entry = { file, size: statSync(file).size, compressed: null };
      entries.set(urlPath, entry);
      if (COMPRESSIBLE.test(file)) {
        jobs.push(precompress(readFileSync(file), cacheDir).then((c) => void (entry.compressed = c)));
      }
    }
  }
  await Promise.all(jobs);

  let sent: SentResponse[] = [];
  const record = (path: string, encoding: SentResponse['encoding'], bytes: number) =>
    sent.push({ path, encoding, bytes });

  function lookUp(urlPath: string): Entry | null {
    const known = entries.get(urlPath);
    if (known) return known;
    // Folders not precompressed (datasets) are read from disk as they are asked for.
    for (const mount of mounts) {
      if (mount.precompressed || !urlPath.startsWith(mount.prefix)) continue;
      const file = resolve(mount.dir, decodeURIComponent(urlPath.slice(mount.prefix.length)));
      if (!file.startsWith(resolve(mount.dir) + sep)) return null;
      try {
        const stat = statSync(file);
        return stat.isFile() ? { file, size: stat.size, compressed: null } : null;
      } catch {
        return null;
      }
    }
    return null;
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = url.pathname;
    if (path.endsWith('/')) path += 'index.html';
    const entry = lookUp(path);
    if (!entry || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(entry ? 405 : 404, { 'Content-Type': 'text/plain' }).end(entry ? 'Method not allowed' : 'Not found');
      return;
    }
    const headers: Record<string, string | number> = {
      'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    const encoding = entry.compressed ? chooseEncoding(request.headers['accept-encoding']) : null;
    if (encoding && entry.compressed) {
      const body = entry.compressed[encoding];
      response.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.byteLength });
      if (request.method === 'HEAD') return void response.end();
      record(path, encoding, body.byteLength);
      response.end(body);
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': entry.size });
    if (request.method === 'HEAD') return void response.end();
    record(path, 'identity', entry.size);
    createReadStream(entry.file).pipe(response);
  }

  const server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    takeSent() {
      const taken = sent;
      sent = [];
      return taken;
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
