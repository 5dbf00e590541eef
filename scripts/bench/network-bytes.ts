import type { DevtoolsTargets } from './devtools-targets';
import type { SentResponse } from './serve-dist';

export type ResourceKind = 'js' | 'wasm' | 'data' | 'other';
export type BytesByKind = Record<ResourceKind, number>;

export function kindOf(url: string): ResourceKind {
  const path = url.startsWith('http') ? new URL(url).pathname : url;
  if (/\.(m?js)$/.test(path)) return 'js';
  if (/\.wasm$/.test(path)) return 'wasm';
  if (/\.(arrows?|csv|parquet)$/.test(path)) return 'data';
  return 'other';
}

export function emptyBytes(): BytesByKind {
  return { js: 0, wasm: 0, data: 0, other: 0 };
}

/** The server's own count: response bodies as sent (after Content-Encoding), headers excluded. */
export function bytesFromServer(sent: readonly SentResponse[]): { byKind: BytesByKind; files: SentResponse[] } {
  const byKind = emptyBytes();
  for (const response of sent) byKind[kindOf(response.path)] += response.bytes;
  return { byKind, files: [...sent] };
}

/**
 * Chromium's count: Network.loadingFinished's encodedDataLength (body as received plus headers),
 * on the page and in its workers. Chromium fetches a dedicated worker's own script outside the
 * worker's network domain and reports only its headers, so this count misses that script; the
 * server's count does not.
 */
export class CdpByteCounter {
  readonly #urls = new Map<string, string>();
  readonly #finished: { url: string; bytes: number }[] = [];

  constructor(targets: DevtoolsTargets) {
    const onEvent = (scope: string, method: string, params: Record<string, unknown>) => {
      const key = `${scope}:${String(params.requestId)}`;
      if (method === 'Network.requestWillBeSent') {
        this.#urls.set(key, String((params.request as { url: string }).url));
      } else if (method === 'Network.loadingFinished') {
        const url = this.#urls.get(key);
        if (url && !url.startsWith('data:')) this.#finished.push({ url, bytes: Number(params.encodedDataLength) });
      }
    };
    targets.page.on('Network.requestWillBeSent', (event) => onEvent('page', 'Network.requestWillBeSent', event as never));
    targets.page.on('Network.loadingFinished', (event) => onEvent('page', 'Network.loadingFinished', event as never));
    targets.onWorkerEvent((sessionId, method, params) => onEvent(sessionId, method, params));
  }

  byKind(): BytesByKind {
    const totals = emptyBytes();
    for (const { url, bytes } of this.#finished) totals[kindOf(url)] += bytes;
    return totals;
  }
}
