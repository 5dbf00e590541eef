import { fileSizeProblem } from './prepare-file';
import type { PreparedFile } from './prepared-file';
import { LoadCancelled } from './raw-table';
import type { ReadRequest } from './file-reader.worker';

type ReadReply = { id: number; prepared: PreparedFile } | { id: number; error: string };

/**
 * Prepares files in the file-reader worker, one after another. Cancelling terminates the worker
 * at once, whatever it is doing. Files over the size limit are refused before they are read.
 */
export async function readFilesInWorker(files: readonly File[], signal?: AbortSignal): Promise<PreparedFile[]> {
  const worker = new Worker(new URL('./file-reader.worker.ts', import.meta.url), { type: 'module', name: 'file-reader' });
  const prepared: PreparedFile[] = [];
  try {
    for (const [id, file] of files.entries()) {
      const tooLarge = fileSizeProblem(file.name, file.size);
      if (tooLarge) {
        prepared.push({ kind: 'refused', name: file.name, size: file.size, problem: tooLarge });
        continue;
      }
      prepared.push(await readOne(worker, { id, file }, signal));
    }
    return prepared;
  } finally {
    worker.terminate();
  }
}

function readOne(worker: Worker, request: ReadRequest, signal?: AbortSignal): Promise<PreparedFile> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LoadCancelled());
    const onAbort = () => reject(new LoadCancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<ReadReply>) => {
      signal?.removeEventListener('abort', onAbort);
      if ('error' in event.data) reject(new Error(`${request.file.name} could not be read: ${event.data.error}`));
      else resolve(event.data.prepared);
    };
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(`${request.file.name} could not be read: ${event.message}`));
    };
    worker.postMessage(request);
  });
}
