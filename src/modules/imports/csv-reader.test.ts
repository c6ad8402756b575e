import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv-reader.ts';
import { bytesOf, collect } from './fixtures.testing.ts';

describe('detectDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'Nazwa;NIP;Miasto\n"Kowalski, Jan";1234563218;Kraków\nFirma;5260250274;Łódź\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n'],
  ] as const)('finds %j', (delimiter, sample) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('name;city\n"a,b,c,d";x\n"e,f,g";y\n')).toBe(';');
  });
});

describe('readCsv', () => {
  it('reads a Polish Excel export: semicolons, Windows-1250, CRLF, quoted newlines and quotes', async () => {
    const text = 'Nazwa;NIP;Uwagi\r\nŚwiętokrzyska Klima sp. z o.o.;526-025-02-74;"linia 1\r\nlinia 2 ""pilne"""\r\nŹródło;;\r\n';
    const sut = await readCsv(bytesOf(iconv.encode(text, 'windows-1250')));
    expect(sut.delimiter).toBe(';');
    expect(sut.encoding.encoding).toBe('windows-1250');
    expect(await collect(sut.records)).toEqual([
      { kind: 'header', line: 1, cells: ['Nazwa', 'NIP', 'Uwagi'] },
      { kind: 'row', rowNumber: 1, line: 2, cells: ['Świętokrzyska Klima sp. z o.o.', '526-025-02-74', 'linia 1\r\nlinia 2 "pilne"'] },
      { kind: 'row', rowNumber: 2, line: 4, cells: ['Źródło', '', ''] },
    ]);
  });

  it('reports a row with the wrong number of fields by its line and goes on', async () => {
    const sut = await readCsv(bytesOf('\uFEFFa,b,c\n1,2,3\n4,5\n6,7,8\n'));
    expect(await collect(sut.records)).toEqual([
      { kind: 'header', line: 1, cells: ['a', 'b', 'c'] },
      { kind: 'row', rowNumber: 1, line: 2, cells: ['1', '2', '3'] },
      { kind: 'problem', line: 3, message: 'Row has 2 fields but the header has 3' },
      { kind: 'row', rowNumber: 3, line: 4, cells: ['6', '7', '8'] },
    ]);
  });

  it('reports a quote left open at the end instead of failing', async () => {
    const sut = await readCsv(bytesOf('a,b\n1,2\n"3,4\n'));
    const records = await collect(sut.records);
    expect(records.slice(0, 2)).toHaveLength(2);
    expect(records.at(-1)).toMatchObject({ kind: 'problem' });
  });

  it('keeps memory flat while streaming a large file', async () => {
    const rows = 300_000;
    async function* generate(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('Nazwa;NIP;Telefon;Uwagi\r\n');
      for (let i = 0; i < rows; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j += 1) chunk += `Firma ${j} sp. z o.o.;5260250274;+48 600 100 ${String(j % 1000).padStart(3, '0')};"uwaga ""${j}""\r\nciąg dalszy"\r\n`;
        yield Buffer.from(chunk);
      }
    }
    const sut = await readCsv(generate());
    let count = 0;
    let bytesRead = 0;
    let baseline = 0;
    let peak = 0;
    for await (const record of sut.records) {
      if (record.kind !== 'row') continue;
      count += 1;
      bytesRead += record.cells.join(';').length;
      if (count === 10_000) baseline = retainedHeap();
      if (count % 50_000 === 0) peak = Math.max(peak, retainedHeap());
    }
    const growth = peak - baseline;
    console.info(`csv stream: ${count} rows, ~${(bytesRead / 2 ** 20).toFixed(0)} MiB of text, retained heap growth after first 10k rows ${(growth / 2 ** 20).toFixed(1)} MiB`);
    expect(count).toBe(rows);
    // Holding the rows would take more than the text size; a stream keeps a small, constant bound.
    expect(growth).toBeLessThan(8 * 2 ** 20);
  });
});

// Heap still in use after a full collection: garbage between samples would otherwise look like growth.
function retainedHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return process.memoryUsage().heapUsed;
}
