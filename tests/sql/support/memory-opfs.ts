/**
 * Just enough of the origin-private file system (navigator.storage.getDirectory) for
 * saved-data-opfs.ts under Node: folders and files in memory, written whole on close.
 */
class MemoryFile {
  constructor(readonly folder: Map<string, Blob>, readonly name: string) {}
  async getFile(): Promise<Blob> {
    return this.folder.get(this.name) ?? new Blob([]);
  }
  async createWritable() {
    const parts: BlobPart[] = [];
    return {
      write: async (data: BlobPart) => void parts.push(data),
      close: async () => void this.folder.set(this.name, new Blob(parts)),
    };
  }
}

class MemoryFolder {
  readonly files = new Map<string, Blob>();
  readonly folders = new Map<string, MemoryFolder>();
  async getDirectoryHandle(name: string, options: { create?: boolean } = {}): Promise<MemoryFolder> {
    if (!this.folders.has(name)) {
      if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.folders.set(name, new MemoryFolder());
    }
    return this.folders.get(name)!;
  }
  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<MemoryFile> {
    if (!this.files.has(name)) {
      if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.files.set(name, new Blob([]));
    }
    return new MemoryFile(this.files, name);
  }
  async removeEntry(name: string): Promise<void> {
    if (!this.files.delete(name) && !this.folders.delete(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
  }
}

/** Installs an empty in-memory OPFS as this process's navigator.storage; returns its root. */
export function installMemoryOpfs(): MemoryFolder {
  const root = new MemoryFolder();
  Object.defineProperty(globalThis, 'navigator', {
    value: { storage: { getDirectory: async () => root } },
    configurable: true,
    writable: true,
  });
  return root;
}
