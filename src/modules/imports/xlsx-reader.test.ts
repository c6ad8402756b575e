import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { collect } from './fixtures.testing.ts';
import { readXlsx } from './xlsx-reader.ts';

async function workbookStream(): Promise<PassThrough> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Klienci').addRows([['Nazwa', 'NIP', 'Miasto'], ['Źródło Klima', 5260250274, 'Łódź'], ['Chłód sp. j.', null, 'Kraków']]);
  workbook.addWorksheet('Inne').addRows([['x'], ['y']]);
  const stream = new PassThrough();
  stream.end(Buffer.from(await workbook.xlsx.writeBuffer()));
  return stream;
}

describe('readXlsx', () => {
  it('reads the first sheet as header and rows, empty cells as empty text', async () => {
    expect(await collect(readXlsx(await workbookStream()))).toEqual([
      { kind: 'header', line: 1, cells: ['Nazwa', 'NIP', 'Miasto'] },
      { kind: 'row', rowNumber: 1, line: 2, cells: ['Źródło Klima', '5260250274', 'Łódź'] },
      { kind: 'row', rowNumber: 2, line: 3, cells: ['Chłód sp. j.', '', 'Kraków'] },
    ]);
  });

  it('reads a sheet chosen by name', async () => {
    expect(await collect(readXlsx(await workbookStream(), { sheetName: 'Inne' }))).toMatchObject([{ kind: 'header', cells: ['x'] }, { kind: 'row', cells: ['y'] }]);
  });
});
