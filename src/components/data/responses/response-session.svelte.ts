import type { Connector } from '../../../lib/db/connector';
import { partitionResponses, readResponseFile, type ResponseDocument } from '../../../lib/data/responses-reader/read-response-file';
import { readResponse, type ResponseReading } from '../../../lib/data/responses-reader/read-response';
import type { ResponseFormat } from '../../../lib/data/responses-reader/read/response-document';

/**
 * PCC responses dropped on the Data view: each is read and reviewed in turn, before anything
 * loads. Other files in the same drop go the usual way.
 */
export class ResponseSession {
  document = $state.raw<ResponseDocument | null>(null);
  reading = $state.raw<ResponseReading | null>(null);
  opening = $state(false);
  failure = $state<string | null>(null);
  /** Responses dropped together, waiting for the one under review. */
  waiting = $state.raw<{ file: File; format: ResponseFormat }[]>([]);
  readonly db: () => Connector;

  constructor(db: () => Connector) {
    this.db = db;
  }

  get busy(): boolean {
    return this.opening;
  }

  /** Takes the responses out of a drop (starting the review of the first) and returns the other files. */
  async take(files: readonly File[]): Promise<File[]> {
    const { responses, others } = await partitionResponses(files);
    if (responses.length > 0) {
      this.waiting = [...this.waiting, ...responses];
      if (!this.document) await this.next();
    }
    return others;
  }

  /** Reads the next waiting response, if any. */
  async next(): Promise<void> {
    const [first, ...rest] = this.waiting;
    this.waiting = rest;
    this.document = null;
    this.reading = null;
    if (!first) return;
    this.opening = true;
    this.failure = null;
    try {
      const document = await readResponseFile(this.db(), first.file, first.format);
      this.reading = readResponse(document.text, document.reference);
      this.document = document;
    } catch (cause) {
      this.failure = `${first.file.name} could not be read as a PCC response: ${cause instanceof Error ? cause.message : String(cause)}`;
      await this.next();
    } finally {
      this.opening = false;
    }
  }

  /** Reads the document again for a force or inspection the person chose. */
  choose(chosen: { force_id?: string; inspection_id?: string }): void {
    if (!this.document || !this.reading) return;
    this.reading = readResponse(this.document.text, this.document.reference, {
      force_id: chosen.force_id ?? this.reading.structure.force?.force_id,
      inspection_id: chosen.inspection_id ?? this.reading.structure.inspection?.inspection_id,
    });
  }
}
