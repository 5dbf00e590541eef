/** Saves a file the page made, through a temporary link to an object URL (nothing is uploaded). */
export function downloadFile(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a delay spares browsers that read the URL late.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
