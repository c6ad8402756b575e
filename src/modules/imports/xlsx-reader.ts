// A spreadsheet's first sheet (or a named one) as the same header and rows as a CSV, read with
// exceljs's streaming WorkbookReader: rows are handed on as they are parsed, not kept.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TableRecord } from './table-records.ts';

export interface XlsxReadOptions {
  sheetName?: string;
}

export async function* readXlsx(input: Readable, options: XlsxReadOptions = {}): AsyncGenerator<TableRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  let rowNumber = 0;
  for await (const worksheet of workbook) {
    // exceljs's types leave out the sheet name its reader sets once workbook.xml has been read.
    const name = (worksheet as unknown as { name?: unknown }).name;
    if (options.sheetName !== undefined && name !== options.sheetName) continue;
    for await (const row of worksheet) {
      const cells = cellsOf(row.values);
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (header === null) {
        header = cells.map((cell) => cell.trim());
        yield { kind: 'header', line: row.number, cells: header };
        continue;
      }
      rowNumber += 1;
      yield { kind: 'row', rowNumber, line: row.number, cells: fitTo(cells, header.length) };
    }
    // Only one sheet is an import; the rest of the file is not read.
    return;
  }
  if (options.sheetName !== undefined) yield { kind: 'problem', line: 0, message: `Workbook has no sheet named "${options.sheetName}"` };
}

// row.values is 1-based and sparse (index 0 unused, empty cells missing).
function cellsOf(values: ExcelJS.CellValue[] | { [key: string]: ExcelJS.CellValue }): string[] {
  const list = Array.isArray(values) ? values.slice(1) : Object.values(values);
  return Array.from(list, (value) => cellText(value));
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

function fitTo(cells: string[], width: number): string[] {
  return cells.length >= width ? cells.slice(0, width) : [...cells, ...Array<string>(width - cells.length).fill('')];
}
