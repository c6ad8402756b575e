// Customers as export files (CSV, XLSX, vCard 4.0, NDJSON), written as byte streams that pull one
// customer at a time from the source, so memory does not grow with the number of customers.
//
// CSV and XLSX share one table: the columns of pasjaExportColumns, so the import recognises the
// file as Pasja's own. Those columns hold one e-mail, one phone, one address and one note per row,
// so a customer takes as many rows as its longest list, every row repeating the customer's columns
// (each row must stand on its own to pass validation) and the `id` that links them:
//   - contact lines: each contact once per e-mail/phone pair (a contact with 2 e-mails and 1 phone
//     has 2 lines, its name repeated), in contact order;
//   - sites and notes: the i-th row carries the i-th site and the i-th note.
// Reading it back, rows with one `id` are one customer, consecutive lines with one contact name one
// contact. A person customer's name columns are the customer's own name on every row.
import { EventEmitter, once } from 'node:events';
import { PassThrough } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError, assertUnreachable } from '../../core/errors.ts';
import { exportCustomerOf, type ExportContact, type ExportCustomer, type ExportSite } from './export-records.ts';
import { pasjaExportColumns, type PasjaField } from './presets.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'vcf' | 'json';
export type CsvExportDelimiter = ',' | ';';

export interface CsvExportOptions {
  // Semicolon by default: Excel in a Polish locale splits only on it when a file is double-clicked.
  delimiter?: CsvExportDelimiter;
}

// JSON is NDJSON, one customer per line: a reader can stream it line by line with JSON.parse,
// where a single array would need a streaming JSON parser to stay within memory.
export const exportFileTypes: Record<ExportFormat, { mediaType: string; extension: string }> = {
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  vcf: { mediaType: 'text/vcard; charset=utf-8', extension: 'vcf' },
  json: { mediaType: 'application/x-ndjson', extension: 'ndjson' },
};

export function writeCustomers(format: ExportFormat, customers: AsyncIterable<ExportCustomer>): AsyncGenerator<Uint8Array> {
  switch (format) {
    case 'csv':
      return writeCustomersCsv(customers);
    case 'xlsx':
      return writeCustomersXlsx(customers);
    case 'vcf':
      return writeCustomersVcard(customers);
    case 'json':
      return writeCustomersNdjson(customers);
    default:
      return assertUnreachable(format);
  }
}

// --- the table shared by CSV and XLSX --------------------------------------------------------

const exportColumns = Object.entries(pasjaExportColumns);
export const exportHeader: ReadonlyArray<string> = exportColumns.map(([column]) => column);

interface ExportLine {
  customer: ExportCustomer;
  contact: ExportContact | null;
  email: string | null;
  phone: string | null;
  site: ExportSite | null;
  note: string | null;
}

function linesOf(customer: ExportCustomer): ExportLine[] {
  const contactLines = customer.contacts.flatMap((contact) =>
    Array.from({ length: Math.max(contact.emails.length, contact.phones.length, 1) }, (_, index) => ({
      contact,
      email: contact.emails[index] ?? null,
      phone: contact.phones[index] ?? null,
    })),
  );
  const count = Math.max(contactLines.length, customer.sites.length, customer.notes.length, 1);
  return Array.from({ length: count }, (_, index) => ({
    customer,
    ...(contactLines[index] ?? { contact: null, email: null, phone: null }),
    site: customer.sites[index] ?? null,
    note: customer.notes[index] ?? null,
  }));
}

// Line breaks inside a cell as LF, Excel's own (Alt+Enter): XML reads a CR LF back as LF anyway, so
// CSV and XLSX give the same text back.
function rowsOf(customer: ExportCustomer): string[][] {
  return linesOf(customer).map((line) => exportColumns.map(([, field]) => cellOf(field, line).replace(/\r\n?/g, '\n')));
}

// Every field a preset can name, so a column added to pasjaExportColumns is written without more code.
function cellOf(field: PasjaField, line: ExportLine): string {
  const { customer, contact, site } = line;
  const person = customer.kind === 'person' ? { firstName: customer.firstName, lastName: customer.lastName } : contact;
  switch (field) {
    case 'externalId':
      return customer.id;
    case 'companyName':
      return customer.kind === 'company' ? (customer.companyName ?? '') : '';
    case 'nip':
      return customer.nip ?? '';
    case 'regon':
      return customer.regon ?? '';
    case 'fullName':
      return person ? fullNameOf(person) : '';
    case 'firstName':
      return person?.firstName ?? '';
    case 'lastName':
      return person?.lastName ?? '';
    case 'jobTitle':
      return contact?.role ?? '';
    case 'email':
      return line.email ?? '';
    case 'phone':
      return line.phone ? phoneForSpreadsheet(line.phone) : '';
    case 'street':
      return site?.street ?? '';
    case 'building':
      return site?.building ?? '';
    case 'flat':
      return site?.flat ?? '';
    case 'postalCode':
      return site?.postalCode ?? '';
    case 'city':
      return site?.city ?? '';
    case 'notes':
      return line.note ?? '';
    // Not held by the CRM (sites are Polish by rule, customers have no website).
    case 'region':
    case 'country':
    case 'website':
      return '';
    default:
      return assertUnreachable(field);
  }
}

// Excel turns a bare "+48600100200" into the number 48600100200; spaced, it stays text, and the
// import reads it back to the same E.164.
function phoneForSpreadsheet(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function fullNameOf(person: { firstName: string | null; lastName: string | null }): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ');
}

// --- CSV -------------------------------------------------------------------------------------

export function writeCustomersCsv(customers: AsyncIterable<ExportCustomer>, options: CsvExportOptions = {}): AsyncGenerator<Uint8Array> {
  return encodeInChunks(csvText(customers, options.delimiter ?? ';'));
}

async function* csvText(customers: AsyncIterable<ExportCustomer>, delimiter: CsvExportDelimiter): AsyncGenerator<string> {
  // The BOM is what makes Excel read the file as UTF-8 rather than the system code page.
  yield '\uFEFF' + csvLine(exportHeader, delimiter);
  for await (const customer of customers) yield rowsOf(customer).map((row) => csvLine(row, delimiter)).join('');
}

// RFC 4180 quoting, CRLF line ends. Any of the three usual delimiters is quoted, not only the one in
// use, so the reader's delimiter guess sees the same count on every line; edge spaces are quoted so
// no reader trims them.
const needsQuotes = /[",;\t\r\n]|^\s|\s$/;

function csvLine(cells: ReadonlyArray<string>, delimiter: CsvExportDelimiter): string {
  return cells.map((cell) => (needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(delimiter) + '\r\n';
}

// --- XLSX ------------------------------------------------------------------------------------

// A sheet's row limit: past it Excel refuses the file, and the import reads only the first sheet.
const maxSheetRows = 1_048_576;
const rowsBetweenPauses = 500;

export async function* writeCustomersXlsx(customers: AsyncIterable<ExportCustomer>): AsyncGenerator<Uint8Array> {
  const output = new PassThrough();
  // Inline strings: a shared-strings table would keep every distinct text in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const stopped = new AbortController();
  const writing = (async () => {
    const sheet = workbook.addWorksheet('customers');
    sheet.addRow([...exportHeader]).commit();
    const backlogs = [sheetBacklogOf(sheet), outputBacklog(output)];
    let rows = 1;
    for await (const customer of customers) {
      for (const row of rowsOf(customer)) {
        rows += 1;
        if (rows > maxSheetRows) throw new AppError('payload_too_large', `An XLSX sheet holds at most ${maxSheetRows} rows; export this many customers as CSV`, { details: { maxSheetRows } });
        // Text cells throughout: NIP, postal codes and phones must not become numbers or dates.
        sheet.addRow(row).commit();
        if (rows % rowsBetweenPauses === 0) await waitForReader(backlogs, stopped.signal);
      }
    }
    sheet.commit();
    await workbook.commit();
  })();
  writing.catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  try {
    for await (const chunk of output) yield chunk as Uint8Array;
    await writing;
  } finally {
    // The reader stopped early (or failed): stop pulling customers and let the writer settle.
    stopped.abort();
    output.destroy();
    await writing.catch(() => undefined);
  }
}

// exceljs commits rows synchronously and ignores backpressure, so the writer pauses itself: it lets
// the zip stream run, and waits while what it wrote has not been taken on.
interface Backlog {
  stream: EventEmitter;
  isFull: () => boolean;
}

async function waitForReader(backlogs: ReadonlyArray<Backlog | null>, signal: AbortSignal): Promise<void> {
  await yieldToEventLoop(undefined, { signal });
  for (const backlog of backlogs) if (backlog?.isFull()) await once(backlog.stream, 'drain', { signal });
}

function outputBacklog(output: PassThrough): Backlog {
  return { stream: output, isFull: () => output.writableNeedDrain };
}

// A sheet's rows go through exceljs's own buffer into archiver's PassThrough (readable-stream 2,
// without writableNeedDrain), which exceljs writes to without waiting: that stream's fill is the
// only sign of how far ahead the rows are. Reached through internals; when their shape is not there,
// only the output is watched and the writer may run ahead of a slow reader.
function sheetBacklogOf(sheet: ExcelJS.Worksheet): Backlog | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const first: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  if (!(first instanceof EventEmitter)) return null;
  const state = (first as EventEmitter & { _writableState?: { needDrain?: unknown } })._writableState;
  if (typeof state?.needDrain !== 'boolean') return null;
  return { stream: first, isFull: () => state.needDrain === true };
}

// --- vCard 4.0 -------------------------------------------------------------------------------

export function writeCustomersVcard(customers: AsyncIterable<ExportCustomer>): AsyncGenerator<Uint8Array> {
  return encodeInChunks(vcardText(customers));
}

async function* vcardText(customers: AsyncIterable<ExportCustomer>): AsyncGenerator<string> {
  for await (const customer of customers) {
    // One card per contact; a customer without contacts still gets one card, so none is lost.
    const cards = customer.contacts.length > 0 ? customer.contacts.map((contact) => vcardOf(customer, contact)) : [vcardOf(customer, null)];
    yield cards.join('');
  }
}

function vcardOf(customer: ExportCustomer, contact: ExportContact | null): string {
  const isCompany = customer.kind === 'company';
  const person = contact ?? (isCompany ? null : { firstName: customer.firstName ?? '', lastName: customer.lastName });
  const place = isCompany ? 'work' : 'home';
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `KIND:${person ? 'individual' : 'org'}`];
  lines.push(`FN:${escapeText(person ? fullNameOf(person) : (customer.companyName ?? ''))}`);
  if (person) lines.push(`N:${structured([person.lastName ?? '', person.firstName, '', '', ''])}`);
  if (isCompany && customer.companyName) lines.push(`ORG:${structured([customer.companyName])}`);
  if (contact?.role) lines.push(`TITLE:${escapeText(contact.role)}`);
  contact?.phones.forEach((phone, index) => lines.push(`TEL;VALUE=uri;TYPE=${place},${phoneKind(phone)}${preference(index)}:tel:${phone}`));
  contact?.emails.forEach((email, index) => lines.push(`EMAIL;TYPE=${place}${preference(index)}:${escapeText(email)}`));
  const site = customer.sites[0];
  if (site) lines.push(`ADR;TYPE=${place}:${structured(['', extendedAddressOf(site), site.street, site.city, '', site.postalCode, 'Polska'])}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function preference(index: number): string {
  return index === 0 ? ';PREF=1' : '';
}

// A phone's own address book sorts "cell" from "voice"; the CRM does not store which it is.
function phoneKind(e164: string): 'cell' | 'voice' {
  return parsePhoneNumberFromString(e164)?.getType() === 'MOBILE' ? 'cell' : 'voice';
}

function extendedAddressOf(site: ExportSite): string {
  return [site.building && `bud. ${site.building}`, site.flat && `lok. ${site.flat}`].filter(Boolean).join(', ');
}

// RFC 6350 §3.4: a semicolon is escaped inside the components of a structured value (N, ORG, ADR);
// elsewhere it may be, but ical.js then keeps the backslash, so it is not.
function structured(components: ReadonlyArray<string>): string {
  return components.map((component) => escapeText(component).replaceAll(';', '\\;')).join(';');
}

// RFC 6350 §3.4: backslash and comma are escaped in text, newlines written as "\n".
function escapeText(value: string): string {
  return value.replace(/[\\,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

// RFC 6350 §3.2: lines longer than 75 octets continue on lines starting with a space, never
// splitting a UTF-8 character ("ł" is two octets).
const maxLineOctets = 75;

function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= maxLineOctets) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = maxLineOctets;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = maxLineOctets - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

// --- NDJSON ----------------------------------------------------------------------------------

export function writeCustomersNdjson(customers: AsyncIterable<ExportCustomer>): AsyncGenerator<Uint8Array> {
  return encodeInChunks(ndjsonText(customers));
}

async function* ndjsonText(customers: AsyncIterable<ExportCustomer>): AsyncGenerator<string> {
  for await (const customer of customers) yield JSON.stringify(exportCustomerOf(customer, customer.contacts, customer.sites, customer.notes)) + '\n';
}

// --- shared ----------------------------------------------------------------------------------

// Text gathered into chunks of about 64 KiB: one chunk per customer would be thousands of tiny writes.
const chunkChars = 64 * 1024;

async function* encodeInChunks(texts: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  let pending = '';
  for await (const text of texts) {
    pending += text;
    if (pending.length >= chunkChars) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending !== '') yield Buffer.from(pending, 'utf8');
}
