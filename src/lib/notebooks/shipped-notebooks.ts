/** The notebooks shipped in notebooks/*.md, bundled as text; README.md documents them and is not one. */
const files = import.meta.glob(['/notebooks/*.md', '!/notebooks/README.md'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface NotebookFile {
  fileName: string;
  source: string;
}

export const SHIPPED_NOTEBOOKS: readonly NotebookFile[] = Object.entries(files)
  .map(([path, source]) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), source }))
  .filter((file) => file.fileName.toLowerCase() !== 'readme.md')
  .sort((a, b) => a.fileName.localeCompare(b.fileName));
