// What every tabular reader (CSV, XLSX) yields, so mapping and preview do not care about the format.
// Problems are records too: a bad row is reported where it is and reading goes on.

export type TableRecord =
  | { kind: 'header'; line: number; cells: string[] }
  // rowNumber counts data rows from 1 (what the user sees in a preview); line is where the row
  // starts in the file (CSV line, or spreadsheet row), for messages like "line 1043: …".
  | { kind: 'row'; rowNumber: number; line: number; cells: string[] }
  | { kind: 'problem'; line: number; message: string };
