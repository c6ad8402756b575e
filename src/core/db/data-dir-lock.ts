import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

// PGlite corrupts its files silently when two processes open one data dir (STACK-NOTES), so the
// dir is held with an exclusive lock file. We check the holder's PID instead of a lock's age (as
// mtime-based lock libraries do) so a restart right after a crash or kill -9 is not refused.
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Pasja process (pid ${holderPid}). ` +
        'Only one process may open it: stop that process first, or send the command to the running ' +
        'server (its API, or --server URL --token TOKEN where a command supports it, e.g. pasja export), ' +
        'or use PostgreSQL (DATABASE_URL) to run several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'pasja.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      return { release: () => releaseIfOurs(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataDirLockedError(dataDir, holder.pid);
      if (holder?.pid === process.pid) throw new DataDirLockedError(dataDir, holder.pid);
      // The holder is gone (crash, kill -9): the lock is stale and safe to take over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: the lock file keeps reappearing`);
}

function readHolder(lockPath: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockContent;
  } catch {
    // A half-written lock file means its writer died mid-write.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(lockPath: string): void {
  if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
}
