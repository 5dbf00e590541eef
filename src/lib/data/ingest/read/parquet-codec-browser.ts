import { parquetCodec, type ParquetCodec, type ParquetWasm } from './parquet-codec';

let codec: Promise<ParquetCodec> | undefined;

/**
 * parquet-wasm's esm build, fetched (from this origin) only the first time a Parquet file is read
 * or written: the 5 MB wasm stays out of the start-up path.
 */
export function loadParquetCodec(): Promise<ParquetCodec> {
  codec ??= (async () => {
    const [wasm, { default: wasmUrl }] = await Promise.all([
      import('parquet-wasm/esm'),
      import('parquet-wasm/esm/parquet_wasm_bg.wasm?url'),
    ]);
    await wasm.default({ module_or_path: wasmUrl });
    return parquetCodec(wasm as unknown as ParquetWasm);
  })();
  return codec;
}
