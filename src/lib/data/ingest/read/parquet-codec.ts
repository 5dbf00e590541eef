/**
 * Parquet ⇄ Arrow IPC stream, by parquet-wasm: DuckDB-wasm's own Parquet reader is an extension
 * it would download from a third-party host, which Oversight never does. The browser and Node
 * load the same library differently (parquet-codec-browser.ts, parquet-codec-node.ts).
 */
export interface ParquetCodec {
  toArrowStream(parquet: Uint8Array): Uint8Array;
  fromArrowStream(ipcStream: Uint8Array): Uint8Array;
}

/** Only what the codec needs of parquet-wasm; both of its builds have this shape. */
export interface ParquetWasm {
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
  writeParquet(table: unknown, properties?: unknown): Uint8Array;
  Table: { fromIPCStream(bytes: Uint8Array): unknown };
  WriterPropertiesBuilder: new () => { setCompression(compression: number): { build(): unknown } };
  Compression: { ZSTD: number };
}

export function parquetCodec(wasm: ParquetWasm): ParquetCodec {
  return {
    toArrowStream: (parquet) => wasm.readParquet(parquet).intoIPCStream(),
    fromArrowStream: (ipcStream) =>
      wasm.writeParquet(
        wasm.Table.fromIPCStream(ipcStream),
        new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.ZSTD).build(),
      ),
  };
}
