// Where the shared reference data lives; tests that need it skip when it is absent (see shared/data/README.md).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const sharedDataDir = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
export const hasSharedData = existsSync(sharedDataDir);

export async function* bytesOf(...chunks: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
