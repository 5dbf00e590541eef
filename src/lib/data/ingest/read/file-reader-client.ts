import { fileSizeProblem } from './prepare-file';
import type { PreparedCsv, PreparedFile } from './prepared-file';
import { LoadCancelled } from '../stage/raw-table';
import type { ReadReply, ReadRequest } from './file-reader.worker';

/**
 * Prepares files in the file-reader worker. Resolves as soon as every file is described; a CSV's
 * pieces keep arriving after that, and the worker is let go once the last has come. Cancelling
 * terminates the worker at once, whatever it is doing. Files over the size limit are refused
 * before they are read.
 */
export async function readFilesInWorker(files: readonly File[], signal?: AbortSignal): Promise<PreparedFile[]> {
  if (signal?.aborted) throw new LoadCancelled();
  const worker = new Worker(new URL('./file-reader.worker.ts', import.meta.url), { type: 'module', name: 'file-reader' });
  const described = new Map<number, (file: PreparedFile) => void>();
  const failed = new Map<number, (cause: Error) => void>();
  const streams = new Map<number, PieceStream>();
  let unfinished = 0;

  const finish = () => {
    unfinished -= 1;
    if (unfinished === 0) worker.terminate();
  };
  const failAll = (cause: Error) => {
    worker.terminate();
    for (const reject of failed.values()) reject(cause);
    for (const stream of streams.values()) stream.fail(cause);
  };
  signal?.addEventListener('abort', () => failAll(new LoadCancelled()), { once: true });
  worker.onerror = (event) => failAll(new Error(`A file could not be read: ${event.message}`));
  worker.onmessage = (event: MessageEvent<ReadReply>) => {
    const reply = event.data;
    const name = files[reply.id]?.name ?? 'A file';
    switch (reply.type) {
      case 'prepared':
        described.get(reply.id)?.(reply.file);
        finish();
        break;
      case 'csv': {
        const stream = new PieceStream();
        streams.set(reply.id, stream);
        described.get(reply.id)?.({ ...reply.file, pieces: stream, endsInsideQuote: () => stream.endsInsideQuote() });
        break;
      }
      case 'piece':
        streams.get(reply.id)?.push(reply.piece);
        break;
      case 'end':
        streams.get(reply.id)?.end(reply.endsInsideQuote);
        finish();
        break;
      case 'error': {
        const cause = new Error(`${name} could not be read: ${reply.message}`);
        failed.get(reply.id)?.(cause);
        streams.get(reply.id)?.fail(cause);
        finish();
        break;
      }
    }
  };

  const prepared = files.map((file, id) => {
    const tooLarge = fileSizeProblem(file.name, file.size);
    if (tooLarge) return { kind: 'refused', name: file.name, size: file.size, problem: tooLarge } satisfies PreparedFile;
    unfinished += 1;
    return new Promise<PreparedFile>((resolve, reject) => {
      described.set(id, resolve);
      failed.set(id, reject);
    });
  });
  // The worker reads one file at a time, each to its last piece: the small ones (a tracker's
  // inspections and recommendations) go first, so every file is described and the load can start
  // while the big one is still being cut into pieces, not after it.
  const bySize = files.map((file, id) => ({ file, id })).filter(({ id }) => described.has(id)).sort((a, b) => a.file.size - b.file.size);
  for (const request of bySize) worker.postMessage(request satisfies ReadRequest);
  return Promise.all(prepared).finally(() => {
    if (unfinished === 0) worker.terminate();
  });
}

/** A CSV's pieces as they arrive from the worker, read with `for await`. */
class PieceStream implements AsyncIterable<Uint8Array> {
  #pieces: Uint8Array[] = [];
  #ended: boolean | null = null;
  #failure: Error | null = null;
  #wake: (() => void) | null = null;

  push(piece: Uint8Array): void {
    this.#pieces.push(piece);
    this.#wake?.();
  }

  end(endsInsideQuote: boolean): void {
    this.#ended = endsInsideQuote;
    this.#wake?.();
  }

  fail(cause: Error): void {
    this.#failure = cause;
    this.#wake?.();
  }

  endsInsideQuote(): boolean {
    if (this.#ended === null) throw new Error('endsInsideQuote is known only after the last piece');
    return this.#ended;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      const piece = this.#pieces.shift();
      if (piece) yield piece;
      else if (this.#ended !== null) return;
      else await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
