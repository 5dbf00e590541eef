/**
 * The files of one selection or drop, each once. Picking the same file twice (a drag that caught
 * it twice, two folders' views of it) would load its rows twice; a file is the same when its name,
 * size and modification time are.
 */
export function distinctFiles<T extends { name: string; size: number; lastModified: number }>(files: readonly T[]): { files: T[]; repeated: string[] } {
  const seen = new Set<string>();
  const kept: T[] = [];
  const repeated: string[] = [];
  for (const file of files) {
    const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
    if (seen.has(key)) {
      if (!repeated.includes(file.name)) repeated.push(file.name);
    } else {
      seen.add(key);
      kept.push(file);
    }
  }
  return { files: kept, repeated };
}
