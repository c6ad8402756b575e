// CSV of any dialect as a stream of header and rows. The delimiter is guessed from a sample
// (comma, semicolon as Excel writes it in a Polish locale, or tab); quoting, newlines inside fields,
// CRLF and a BOM are csv-parse's job. Memory holds one record at a time, whatever the file size.
import { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { decodeText, type DetectedEncoding, type TextEncoding } from './encoding.ts';
import type { TableRecord } from './table-records.ts';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvReadOptions {
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
}

export interface CsvReading {
  encoding: DetectedEncoding;
  delimiter: CsvDelimiter;
  records: AsyncIterable<TableRecord>;
}

const delimiters: CsvDelimiter[] = [',', ';', '\t'];
const delimiterSampleChars = 64 * 1024;
const delimiterSampleLines = 50;

// Counts each candidate per line, outside quotes, over the sample's first lines. The header line
// must contain it, and the winner is the one whose count stays the same on most lines; the
// total count only breaks ties ("Kowalski, Jan" in a semicolon file adds commas on some lines only).
export function detectDelimiter(sample: string): CsvDelimiter {
  const lines = countDelimitersPerLine(sample);
  let best: { delimiter: CsvDelimiter; steady: number; total: number } = { delimiter: ',', steady: -1, total: -1 };
  for (const delimiter of delimiters) {
    const counts = lines.map((line) => line[delimiter]);
    const inHeader = counts[0] ?? 0;
    if (inHeader === 0) continue;
    const steady = counts.filter((count) => count === inHeader).length;
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (steady > best.steady || (steady === best.steady && total > best.total)) best = { delimiter, steady, total };
  }
  return best.delimiter;
}

function countDelimitersPerLine(sample: string): Array<Record<CsvDelimiter, number>> {
  const lines: Array<Record<CsvDelimiter, number>> = [];
  let current = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of sample) {
    if (char === '"') quoted = !quoted; // a doubled quote toggles twice, which is right
    else if (quoted) continue;
    else if (char === '\n') {
      lines.push(current);
      current = { ',': 0, ';': 0, '\t': 0 };
      if (lines.length === delimiterSampleLines) return lines;
    } else if (char === ',' || char === ';' || char === '\t') current[char] += 1;
  }
  // The last line of a sample is usually cut short; count it only when it is all there is.
  if (lines.length === 0) lines.push(current);
  return lines;
}

export async function readCsv(source: AsyncIterable<Uint8Array>, options: CsvReadOptions = {}): Promise<CsvReading> {
  const decoded = await decodeText(source, options.encoding);
  const { sample, text } = await peekText(decoded.text, delimiterSampleChars);
  const delimiter = options.delimiter ?? detectDelimiter(sample);
  return { encoding: decoded.detected, delimiter, records: parseRecords(text, delimiter) };
}

async function peekText(text: AsyncIterable<string>, minChars: number): Promise<{ sample: string; text: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let length = 0;
  let finished = false;
  while (length < minChars) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    if (finished) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { sample: head.join(''), text: replay() };
}

interface ParsedRecord {
  record: string[];
  info: Info;
  raw: string;
}

async function* parseRecords(text: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<TableRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    raw: true,
    // Column counts are checked below against the header, to say which row and how it differs.
    relax_column_count: true,
    // A quote inside an unquoted field (12" filter) is kept as text, as Excel reads it.
    relax_quotes: true,
    // A broken record spoils only itself: csv-parse reports it ('skip') and goes on.
    skip_records_with_error: true,
    skip_empty_lines: true,
  });
  // The parser runs ahead of this loop, so its reports wait here until the rows before them are out.
  const skipped: CsvError[] = [];
  parser.on('skip', (error: CsvError) => skipped.push(error));
  Readable.from(text).pipe(parser);

  const lines = new LineCounter();
  let header: string[] | null = null;
  let rowNumber = 0;
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
      yield* takeProblemsBefore(skipped, parsed.info.lines, lines);
      const line = lines.startOf(parsed);
      if (header === null) {
        header = parsed.record.map((cell) => cell.trim());
        yield { kind: 'header', line, cells: header };
        continue;
      }
      if (isBlank(parsed.record)) continue; // ";;;;" lines Excel leaves under the data
      rowNumber += 1;
      if (parsed.record.length !== header.length && !hasOnlyEmptyExtraCells(parsed.record, header.length)) {
        yield { kind: 'problem', line, message: `Row has ${parsed.record.length} fields but the header has ${header.length}` };
        continue;
      }
      yield { kind: 'row', rowNumber, line, cells: trimTo(parsed.record, header.length) };
    }
    yield* takeProblemsBefore(skipped, Infinity, lines);
  } catch (error) {
    yield* takeProblemsBefore(skipped, Infinity, lines);
    yield { kind: 'problem', line: lines.fromParser(parserLineOf(error)), message: `CSV cannot be read past here: ${(error as Error).message}` };
  }
}

function* takeProblemsBefore(skipped: CsvError[], parserLine: number, lines: LineCounter): Generator<TableRecord> {
  while (skipped.length > 0 && parserLineOf(skipped[0]) <= parserLine) {
    const error = skipped.shift();
    if (error) yield { kind: 'problem', line: lines.fromParser(parserLineOf(error)), message: `Row is not valid CSV: ${error.message}` };
  }
}

// csv-parse's errors carry the line it had reached; typed loosely by the library.
function parserLineOf(error: unknown): number {
  const lines = error instanceof Error ? (error as Error & { lines?: unknown }).lines : undefined;
  return typeof lines === 'number' ? lines : 0;
}

// csv-parse's line count (info.lines, where a record ends) counts a CRLF inside a quoted field as
// two lines; this keeps the surplus so far and gives the line where a record starts, as an editor shows it.
class LineCounter {
  private surplus = 0;

  startOf({ info, raw }: ParsedRecord): number {
    const inside = raw.replace(/\r?\n?$/, '');
    const newlines = (inside.match(/\r\n|\n|\r/g) ?? []).length;
    this.surplus += (inside.match(/\r\n/g) ?? []).length;
    return info.lines - this.surplus - newlines;
  }

  fromParser(parserLine: number): number {
    return Math.max(1, parserLine - this.surplus);
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

// Some tools end every row with a delimiter: empty cells beyond the header are harmless. A short row
// is not padded: it is what an unquoted newline inside a field produces, so it is reported.
function hasOnlyEmptyExtraCells(cells: string[], width: number): boolean {
  return cells.length > width && cells.slice(width).every((cell) => cell.trim() === '');
}

function trimTo(cells: string[], width: number): string[] {
  return cells.length > width ? cells.slice(0, width) : cells;
}
