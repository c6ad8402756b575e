// The natural keys a draft can be found by, and an in-file deduplicator that streams: each accepted
// row is checked against the keys of the rows before it. Only the keys the user picked are compared.
// Memory is one Map entry per distinct key (short strings and a row number), nothing per row else;
// measured by the 100k-row test in dedup-keys.test.ts.
import { assertUnreachable } from '../../core/errors.ts';
import type { DraftSource } from './row-mapping.ts';
import type { ImportDraft } from './row-validation.ts';

export type DedupKeyKind = 'nip' | 'email' | 'phone' | 'nameCity';

export const dedupKeyKinds: ReadonlyArray<DedupKeyKind> = ['nip', 'email', 'phone', 'nameCity'];

export interface DedupKey {
  kind: DedupKeyKind;
  value: string;
}

export interface DuplicateMatch {
  kind: DedupKeyKind;
  value: string;
  rowNumber: number; // the earlier row (or card) that first had this key
  line: number;
}

export interface DedupVerdict {
  source: DraftSource;
  // Empty when the row is new; otherwise one match per key it shares, in the order the user picked keys.
  matches: DuplicateMatch[];
}

// NIP (already 10 digits), e-mails lower-cased (as the CRM's emailSearchKey compares them), phones as
// E.164, and a company's name folded with its city. A person's name + city is no key: two Jan
// Kowalski in Warsaw are two customers.
export function draftKeys(draft: ImportDraft, kinds: ReadonlyArray<DedupKeyKind> = dedupKeyKinds): DedupKey[] {
  const keys: DedupKey[] = [];
  for (const kind of kinds) {
    switch (kind) {
      case 'nip':
        if (draft.customer.nip) keys.push({ kind, value: draft.customer.nip });
        break;
      case 'email':
        for (const email of draft.contact?.emails ?? []) keys.push({ kind, value: email.address.toLowerCase() });
        break;
      case 'phone':
        for (const phone of draft.contact?.phones ?? []) keys.push({ kind, value: phone.number });
        break;
      case 'nameCity': {
        const city = draft.site?.city ?? draft.city;
        if (draft.customer.kind === 'company' && city) keys.push({ kind, value: `${foldForKey(draft.customer.name)}|${foldForKey(city)}` });
        break;
      }
      default:
        assertUnreachable(kind);
    }
  }
  return keys;
}

// Lower case, no diacritics (ł and đ do not decompose, so they are mapped), punctuation and runs of
// spaces as one space: "Klima-Tech Sp. z o.o." and "KLIMA TECH sp z o o" fold alike. Legal forms stay:
// "Kowalski s.c." and "Kowalski sp. z o.o." are different companies.
export function foldForKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class InFileDeduplicator {
  // One map per key kind, keyed by the bare value (no "kind:value" strings to build and keep), to the
  // first row that had it, packed in one number: rowNumber * 2^26 + line (exact below 2^53).
  private readonly seen = new Map<DedupKeyKind, Map<string, number>>();

  constructor(private readonly kinds: ReadonlyArray<DedupKeyKind>) {
    for (const kind of kinds) this.seen.set(kind, new Map());
  }

  get keyCount(): number {
    let count = 0;
    for (const keys of this.seen.values()) count += keys.size;
    return count;
  }

  // Checks the row against earlier ones, then records its keys; a key already taken keeps its first
  // row, so every duplicate points at the earliest row with that key.
  check(draft: ImportDraft): DedupVerdict {
    const matches: DuplicateMatch[] = [];
    const { rowNumber, line } = draft.source;
    for (const key of draftKeys(draft, this.kinds)) {
      const keys = this.seen.get(key.kind);
      if (!keys) continue;
      const earlier = keys.get(key.value);
      if (earlier === undefined) keys.set(key.value, rowNumber * lineSpan + (line % lineSpan));
      else if (Math.floor(earlier / lineSpan) !== rowNumber) matches.push({ ...key, rowNumber: Math.floor(earlier / lineSpan), line: earlier % lineSpan });
    }
    return { source: draft.source, matches };
  }
}

// Lines past 2^26 (67 million) would wrap; no file a browser uploads gets there.
const lineSpan = 2 ** 26;
