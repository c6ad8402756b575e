// Which character encoding an uploaded text file is in, and its text as a stream of strings.
// Polish exports come as UTF-8 (with or without Excel's BOM), Windows-1250 (Excel and most Windows
// programs in a Polish locale) or ISO-8859-2 (older Unix and web tools). The two single-byte code
// pages agree on ASCII, ó, ć, ę, ł, ń, ż and differ on ą ś ź Ą Ś Ź, so a sample is decoded with each
// and the more plausible Polish text wins.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1250' | 'iso-8859-2';

export interface DetectedEncoding {
  encoding: TextEncoding;
  // 'bom': a UTF-8 byte-order mark; 'valid-utf8': the sample decodes as UTF-8; 'polish-letters':
  // scored among the single-byte code pages; 'chosen': the caller named it.
  reason: 'bom' | 'valid-utf8' | 'polish-letters' | 'chosen';
}

export interface DecodedText {
  detected: DetectedEncoding;
  text: AsyncIterable<string>;
}

// Enough bytes for a header and dozens of rows: the Polish letters that decide are in the data.
export const encodingSampleBytes = 64 * 1024;

const utf8Bom = [0xef, 0xbb, 0xbf];
const polishLetters = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/gu;
// What a wrong single-byte guess turns Polish letters into: C1 controls (ISO-8859-2 reading 0x80–0x9F,
// where Windows-1250 keeps Ś, ś, Ź, ź…) and symbols a name or address never holds.
const implausible = /[\u0080-\u009f\u00a4\u00a6\u00a8\u00ac\u00b1\u00b6\u00bc\u00b8\u02c7\u02d8\u02db\u02dd\u2030\u2039\u203a\ufffd]/gu;

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (utf8Bom.every((byte, index) => sample[index] === byte)) return { encoding: 'utf-8', reason: 'bom' };
  if (isUtf8(sample)) return { encoding: 'utf-8', reason: 'valid-utf8' };
  const scores = (['windows-1250', 'iso-8859-2'] as const).map((encoding) => ({
    encoding,
    score: plausibility(iconv.decode(Buffer.from(sample), encoding)),
  }));
  // A tie (no letter that tells them apart) goes to Windows-1250: Excel in Poland writes it.
  const [best] = scores.sort((a, b) => b.score - a.score || (a.encoding === 'windows-1250' ? -1 : 1));
  return { encoding: best?.encoding ?? 'windows-1250', reason: 'polish-letters' };
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut in two at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function plausibility(text: string): number {
  return (text.match(polishLetters)?.length ?? 0) - 3 * (text.match(implausible)?.length ?? 0);
}

// Reads the first bytes to decide the encoding, then decodes chunk by chunk: only the sample is
// ever held whole. A chosen encoding skips detection (the user knows better than the bytes).
export async function decodeText(source: AsyncIterable<Uint8Array>, chosen?: TextEncoding): Promise<DecodedText> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let finished = false;
  while (headLength < encodingSampleBytes) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    head.push(Buffer.from(next.value));
    headLength += next.value.length;
  }
  const sample = Buffer.concat(head);
  const detected: DetectedEncoding = chosen ? { encoding: chosen, reason: 'chosen' } : detectEncoding(sample);
  return { detected, text: decodeChunks(sample, finished ? null : iterator, detected.encoding) };
}

async function* decodeChunks(sample: Buffer, rest: AsyncIterator<Uint8Array> | null, encoding: TextEncoding): AsyncGenerator<string> {
  // iconv-lite's decoder keeps a character split across chunks and drops a leading UTF-8 BOM.
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const first = decoder.write(sample);
  if (first) yield first;
  if (rest) {
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const text = decoder.write(Buffer.from(next.value));
      if (text) yield text;
    }
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
