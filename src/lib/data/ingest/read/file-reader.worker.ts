/// <reference lib="webworker" />
import { loadParquetCodec } from './parquet-codec-browser';
import { prepareFile } from './prepare-file';
import type { PreparedCsv, PreparedFile } from './prepared-file';

/**
 * Reads and prepares files off the main thread: decoding, sniffing with PapaParse, finding record
 * boundaries and decoding Parquet all happen here, so the page stays responsive. A CSV's pieces
 * are posted one by one as they are found, so the database reads the first while this worker
 * finds the next.
 */
export interface ReadRequest {
  id: number;
  file: File;
}

export type ReadReply =
  | { id: number; type: 'prepared'; file: Exclude<PreparedFile, PreparedCsv> }
  | { id: number; type: 'csv'; file: Omit<PreparedCsv, 'pieces' | 'endsInsideQuote'> }
  | { id: number; type: 'piece'; piece: Uint8Array }
  | { id: number; type: 'end'; endsInsideQuote: boolean }
  | { id: number; type: 'error'; message: string };

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: ReadReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

async function read({ id, file }: ReadRequest): Promise<void> {
  const prepared = await prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec);
  if (prepared.kind !== 'csv') {
    post({ id, type: 'prepared', file: prepared }, prepared.kind === 'arrow' ? [prepared.ipcStream.buffer as ArrayBuffer] : []);
    return;
  }
  const { pieces, endsInsideQuote, ...description } = prepared;
  post({ id, type: 'csv', file: description });
  for await (const piece of pieces) post({ id, type: 'piece', piece }, [piece.buffer as ArrayBuffer]);
  post({ id, type: 'end', endsInsideQuote: endsInsideQuote() });
}

// Files are read one after another, in the order asked.
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const request = event.data;
  queue = queue.then(() => read(request)).catch((cause: unknown) => {
    post({ id: request.id, type: 'error', message: cause instanceof Error ? cause.message : String(cause) });
  });
};
