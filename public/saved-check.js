// Is data of the user's saved in this browser? The app must know before it draws its first view
// (saved data is shown, never the demo figures in between), and the browser's first look into its
// private file system takes about 50 ms. This plain script starts that look as the page is parsed,
// while the app's code is still arriving; the app takes the answer once
// (src/lib/data/ingest/loaded/saved-data-folder.ts, which holds the same folder and file names and
// checks the same way without it).
globalThis.oversightSavedCheck = (async () => {
  if (!navigator.storage || !navigator.storage.getDirectory) return false;
  try {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('oversight');
    await folder.getFileHandle('loads.json');
    return true;
  } catch {
    return false;
  }
})();
