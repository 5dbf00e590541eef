/**
 * Every module the page imports before it can draw in one chunk: the entry and what it imports
 * statically, whose own static imports the bundler adds to the group (its default,
 * includeDependenciesRecursively). Left to itself the bundler cut them into 17 files, most under
 * 2 kB, shared with the views loaded later; a browser fetches six at a time from one host over
 * HTTP/1.1 (an intranet server, the bench's), so the last arrived three round trips after the
 * first. What is imported with import() (the engine, the file readers, the other views) keeps
 * chunks of its own, fetched when used. tests/browser/promises/first-view-files.test.ts holds both.
 */
interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null;
}

export const firstViewChunk = {
  name(id: string, graph: ModuleGraph): string | null {
    const info = graph.getModuleInfo(id);
    const fromEntry = info?.isEntry || info?.importers.some((importer) => graph.getModuleInfo(importer)?.isEntry);
    return fromEntry ? 'first-view' : null;
  },
};
