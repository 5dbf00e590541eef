import type { Page } from 'playwright-core';
import type { DevtoolsTargets } from './devtools-targets';

export interface MemoryReading {
  /** Main thread JS heap in use (Performance.getMetrics JSHeapUsedSize), as found. */
  pageHeap: number;
  /** The same after a forced garbage collection: what the page really holds. */
  pageHeapAfterGc: number;
  /** performance.memory.usedJSHeapSize: Chromium rounds it unless started with precise memory info. */
  performanceMemory: number | null;
  /** JS heap of the page's workers (Runtime.getHeapUsage), after GC; DuckDB's worker is one. */
  workerHeapAfterGc: number | null;
  /**
   * DuckDB's WebAssembly linear memory (its tables and buffers). Not JS heap: it is an ArrayBuffer
   * in the worker, outside both figures above.
   */
  wasmMemory: number | null;
}

async function metric(targets: DevtoolsTargets, name: string): Promise<number> {
  const { metrics } = await targets.page.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

async function workerHeaps(targets: DevtoolsTargets): Promise<number | null> {
  let total = 0;
  for (const sessionId of targets.workers.keys()) {
    await targets.sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
    const usage = (await targets.sendToWorker(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
    total += usage.usedSize;
  }
  return targets.workers.size > 0 ? total : null;
}

/** DuckDB-wasm keeps its bindings on the worker's global; its Emscripten module holds the memory. */
async function duckdbWasmMemory(page: Page): Promise<number | null> {
  for (const worker of page.workers()) {
    const bytes = await worker
      .evaluate(() => {
        const bindings = (globalThis as { DUCKDB_BINDINGS?: { mod?: { HEAPU8?: Uint8Array } } }).DUCKDB_BINDINGS;
        return bindings?.mod?.HEAPU8?.buffer.byteLength ?? null;
      })
      .catch(() => null);
    if (bytes !== null) return bytes;
  }
  return null;
}

export async function readMemory(page: Page, targets: DevtoolsTargets): Promise<MemoryReading> {
  await targets.page.send('Performance.enable');
  const pageHeap = await metric(targets, 'JSHeapUsedSize');
  const performanceMemory = await page.evaluate(
    () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  );
  await targets.page.send('HeapProfiler.collectGarbage');
  const pageHeapAfterGc = await metric(targets, 'JSHeapUsedSize');
  return {
    pageHeap,
    pageHeapAfterGc,
    performanceMemory,
    workerHeapAfterGc: await workerHeaps(targets),
    wasmMemory: await duckdbWasmMemory(page),
  };
}
