import { createRequire } from 'node:module';
import { parquetCodec, type ParquetCodec, type ParquetWasm } from './parquet-codec';

// parquet-wasm's Node build is CommonJS and instantiates its wasm synchronously on require.
const require = createRequire(import.meta.url);

export async function loadParquetCodec(): Promise<ParquetCodec> {
  return parquetCodec(require('parquet-wasm/node') as ParquetWasm);
}
