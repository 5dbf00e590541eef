import type { Connector } from '../../../lib/db/connector';
import { addUserMappings, listUserMappings, removeUserMapping, replaceUserMappings, type UserMapping } from '../../../lib/data/ingest/matching/user-mappings';
import { isKnownMeaning, mappingChoices, type MappingChoices } from '../../../lib/data/ingest/matching/mapping-choices';
import { mappingsCsv, readMappingsCsv } from '../../../lib/data/ingest/matching/mappings-csv';
import { restoreMappingsFromBrowser, saveMappingsInBrowser } from '../../../lib/data/ingest/matching/saved-mappings';
import { downloadFile } from '../../../lib/data/export/download-file';
import { STATUS_LABELS } from '../../../lib/charts/shared/palette';
import type { PairStatus } from '../../../lib/data/schema';

/** Saved mappings go into the engine once per engine, before its first load. */
const restored = new WeakMap<Connector, Promise<unknown>>();

/**
 * The user's mappings in the Data view: listed, added from the report, removed (with undo),
 * downloaded and uploaded as CSV, and saved in this browser after every change.
 */
export class UserMappingsState {
  list = $state.raw<UserMapping[]>([]);
  choices = $state.raw<MappingChoices | null>(null);
  /** The last mapping removed, which undo brings back. */
  removed = $state.raw<UserMapping | null>(null);
  message = $state('');
  /** Settles once the saved mappings are in the engine. */
  readonly ready: Promise<void>;
  readonly #db: () => Connector;

  constructor(db: () => Connector) {
    this.#db = db;
    if (!restored.has(db())) restored.set(db(), restoreMappingsFromBrowser(db()).catch(() => 0));
    this.ready = restored.get(db())!.then(() => this.refresh());
  }

  async refresh(): Promise<void> {
    [this.list, this.choices] = await Promise.all([listUserMappings(this.#db()), mappingChoices(this.#db())]);
  }

  async add(mapping: UserMapping): Promise<void> {
    await addUserMappings(this.#db(), [mapping]);
    await this.#saved(`"${mapping.written_as}" now means ${this.nameOf(mapping)}.`);
  }

  async remove(mapping: UserMapping): Promise<void> {
    await removeUserMapping(this.#db(), mapping);
    this.removed = mapping;
    await this.#saved(`"${mapping.written_as}" is no longer mapped.`);
  }

  async undoRemove(): Promise<void> {
    const mapping = this.removed;
    if (!mapping) return;
    this.removed = null;
    await this.add(mapping);
  }

  async upload(file: File): Promise<void> {
    const choices = this.choices ?? await mappingChoices(this.#db());
    const read = readMappingsCsv(await file.text(), (kind, meaning, inspection) => isKnownMeaning(choices, kind, meaning, inspection));
    await addUserMappings(this.#db(), read.mappings);
    const skipped = read.problems.length ? ` Not read from ${file.name}: ${read.problems.join(' ')}` : '';
    await this.#saved(`${read.mappings.length} ${read.mappings.length === 1 ? 'mapping' : 'mappings'} read from ${file.name}.${skipped}`);
  }

  download(): void {
    downloadFile([mappingsCsv(this.list)], 'oversight-mappings.csv', 'text/csv;charset=utf-8');
  }

  /** Forgets every mapping, in the engine as in the browser (whose folder "Forget" removes). */
  async clear(): Promise<void> {
    await replaceUserMappings(this.#db(), []);
    this.removed = null;
    await this.refresh();
  }

  /** The force's name or the inspection's title a mapping means; a status as it is; a recommendation and its inspection. */
  nameOf(mapping: UserMapping): string {
    if (mapping.kind === 'status') return STATUS_LABELS[mapping.meaning as PairStatus] ?? mapping.meaning;
    if (mapping.kind === 'recommendation') {
      const title = this.choices?.inspection.find((choice) => choice.id === mapping.inspection)?.name ?? mapping.inspection;
      return `Recommendation ${mapping.meaning} of ${title}`;
    }
    return this.choices?.[mapping.kind].find((choice) => choice.id === mapping.meaning)?.name ?? mapping.meaning;
  }

  async #saved(message: string): Promise<void> {
    await this.refresh();
    try {
      await saveMappingsInBrowser(this.#db());
      this.message = `${message} Saved in this browser.`;
    } catch (cause) {
      this.message = `${message} It could not be saved in this browser (${cause instanceof Error ? cause.message : String(cause)}).`;
    }
  }
}
