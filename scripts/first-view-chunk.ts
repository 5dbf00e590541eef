/**
 * Every module the page imports before it can draw (the entry's static imports, all the way down)
 * in one chunk. Left to itself the bundler cut them into 17 files, most under 2 kB, shared with the
 * views loaded later; a browser fetches six at a time from one host over HTTP/1.1 (an intranet
 * server, the bench's), so the last arrived three round trips after the first. The views, the
 * engine and the file readers stay in chunks of their own, fetched when used.
 */
interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null;
}

export const firstViewChunk = {
  name(id: string, graph: ModuleGraph): string | null {
    return neededFirst(id, graph, new Set()) ? 'first-view' : null;
  },
};

const known = new Map<string, boolean>();

/** An entry, or imported without `import()` by a module that is needed first. */
function neededFirst(id: string, graph: ModuleGraph, visiting: Set<string>): boolean {
  const cached = known.get(id);
  if (cached !== undefined) return cached;
  const info = graph.getModuleInfo(id);
  if (!info) return false;
  if (info.isEntry) return remember(id, true);
  // A cycle back to a module being checked proves nothing either way.
  if (visiting.has(id)) return false;
  visiting.add(id);
  const answer = info.importers.some((importer) => neededFirst(importer, graph, visiting));
  visiting.delete(id);
  return remember(id, answer);
}

function remember(id: string, answer: boolean): boolean {
  known.set(id, answer);
  return answer;
}
