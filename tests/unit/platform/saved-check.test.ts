import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { FOLDER, hasSavedDataAtStart, MANIFEST_FILE } from '../../../src/lib/data/ingest/loaded/saved-data-folder';

/** A private file system holding `files` in the folders named, as navigator.storage exposes it. */
function storageWith(folders: Record<string, string[]>) {
  const missing = () => Promise.reject(new DOMException('not found', 'NotFoundError'));
  const directory = (files: string[]) => ({
    getFileHandle: (name: string) => (files.includes(name) ? Promise.resolve({ name }) : missing()),
  });
  const root = {
    getDirectoryHandle: (name: string) => (name in folders ? Promise.resolve(directory(folders[name]!)) : missing()),
  };
  return { getDirectory: () => Promise.resolve(root) };
}

/** Runs public/saved-check.js as the page does, in a global of its own; gives back what it left there. */
function runPageScript(storage: unknown): Promise<boolean> {
  const page: { navigator: unknown; oversightSavedCheck?: Promise<boolean> } = { navigator: { storage } };
  runInNewContext(readFileSync('public/saved-check.js', 'utf8'), page);
  return page.oversightSavedCheck!;
}

describe('the look for saved data that starts before the app (public/saved-check.js)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (globalThis as { oversightSavedCheck?: unknown }).oversightSavedCheck;
  });

  it('finds a save where the app keeps it, by the same folder and file names', async () => {
    expect(await runPageScript(storageWith({ [FOLDER]: [MANIFEST_FILE] }))).toBe(true);
  });

  it('finds none without the folder, without the manifest (a save cut short), or without the storage', async () => {
    expect(await runPageScript(storageWith({}))).toBe(false);
    expect(await runPageScript(storageWith({ [FOLDER]: ['status_updates.arrows'] }))).toBe(false);
    expect(await runPageScript(undefined)).toBe(false);
  });

  it('is the answer the app takes at start, once; after it the app looks for itself', async () => {
    vi.stubGlobal('navigator', { storage: storageWith({}) });
    (globalThis as { oversightSavedCheck?: Promise<boolean> }).oversightSavedCheck = Promise.resolve(true);
    expect(await hasSavedDataAtStart()).toBe(true);
    expect(await hasSavedDataAtStart()).toBe(false);
  });

  it('the app looks for itself when the early look failed', async () => {
    vi.stubGlobal('navigator', { storage: storageWith({ [FOLDER]: [MANIFEST_FILE] }) });
    (globalThis as { oversightSavedCheck?: Promise<boolean> }).oversightSavedCheck = Promise.reject(new Error('blocked'));
    expect(await hasSavedDataAtStart()).toBe(true);
  });
});
