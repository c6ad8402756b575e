import { v7 as uuidv7 } from 'uuid';

// Time-ordered UUIDs (v7) keep B-tree inserts local; made here because PostgreSQL 15 has no uuidv7().
export function newId(): string {
  return uuidv7();
}
