import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Where uploaded files (job photos, signatures, equipment documents) keep their bytes. The
// database keeps what they are and who owns them; a storage only keeps bytes under a key.
export interface FileStorage {
  // Stores the bytes and returns their key; the same bytes give the same key, so storing twice
  // (a retried upload, a transaction that failed after the write) keeps one copy.
  put(tenantId: string, bytes: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`no stored file under ${key}`);
  }
}

// Files under a directory: FILES_DIR/<tenant>/<first two hex of the hash>/<hash>.
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(tenantId: string, bytes: Buffer): Promise<{ key: string; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${tenantId}/${sha256.slice(0, 2)}/${sha256}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and renamed: a reader never sees half a file, and a crash leaves only a temp.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
    return { key, sha256 };
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileNotFoundError(key);
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }
}
