/// <reference lib="webworker" />
import { loadParquetCodec } from './parquet-codec-browser';
import { prepareFile } from './prepare-file';
import { transferables } from './prepared-file';

/**
 * Reads and prepares files off the main thread: decoding, sniffing with PapaParse, finding record
 * boundaries and decoding Parquet all happen here, so the page stays responsive.
 */
export interface ReadRequest {
  id: number;
  file: File;
}

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { id, file } = event.data;
  try {
    const prepared = await prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec);
    self.postMessage({ id, prepared }, transferables(prepared));
  } catch (cause) {
    self.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) });
  }
};
