import { closeSync, openSync, writeSync } from 'node:fs';
import type { StatusRow } from './demo-status-rows';

export const STATUS_COLUMNS = ['force_id', 'inspection_id', 'rec_no', 'status', 'as_of', 'evidence', 'source'] as const;

/** RFC 4180 quoting, only where a field needs it. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes status rows to a CSV file batch by batch, so millions of rows never sit in memory at once.
 * A null evidence is an empty field.
 */
export class StatusCsvFile {
  readonly #fd: number;
  /** Few distinct strings (forces, inspections, phrases) serve millions of rows: quote each once. */
  readonly #quoted = new Map<string, string>();
  #bytes = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
    this.#write(`${STATUS_COLUMNS.join(',')}\n`);
  }

  write(rows: readonly StatusRow[]): void {
    const lines: string[] = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const evidence = row.evidence === null ? '' : this.#field(row.evidence);
      lines[i] =
        `${this.#field(row.force_id)},${this.#field(row.inspection_id)},${row.rec_no},` +
        `${row.status},${row.as_of},${evidence},${row.source}\n`;
    }
    this.#write(lines.join(''));
  }

  /** Closes the file and returns its size in bytes. */
  close(): number {
    closeSync(this.#fd);
    return this.#bytes;
  }

  #field(value: string): string {
    let quoted = this.#quoted.get(value);
    if (quoted === undefined) {
      quoted = csvField(value);
      this.#quoted.set(value, quoted);
    }
    return quoted;
  }

  #write(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.#fd, bytes);
    this.#bytes += bytes.byteLength;
  }
}
