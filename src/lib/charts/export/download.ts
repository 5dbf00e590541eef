/** Saves a blob under `filename` through a temporary link (no server involved). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Forces ranked by compliance rate" on 2025-06-30 → "forces-ranked-by-compliance-rate-2025-06-30". */
export function fileStem(title: string, asOf: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug}-${asOf}`;
}
