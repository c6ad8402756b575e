import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import type { App } from '../app.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { ExportFormat } from '../modules/imports/export-writers.ts';
import { exportFormats } from '../modules/imports/exports.schemas.ts';

type WithApp = (work: (app: App) => Promise<void>) => Promise<void>;

interface ExportOptions {
  tenant?: string;
  format: ExportFormat;
  output?: string;
  server?: string;
  token?: string;
}

// `pasja export`: the same file as GET /api/exports/customers. stdout carries the file and nothing
// else, so `> FILE` works; what a person should read goes to stderr.
export function exportCommand(withApp: WithApp): Command {
  return new Command('export')
    .description("write a tenant's customers with their contacts, sites and notes as CSV, XLSX, vCard or NDJSON (to stdout, or --output FILE)")
    .option('--tenant <slug>', 'tenant slug (with --server the token decides the tenant)')
    .addOption(new Option('--format <format>', 'file format').choices(exportFormats).default('csv'))
    .option('--output <file>', 'write to FILE instead of stdout (replaced only once the export is complete)')
    .option('--server <url>', 'download the export from a running Pasja server, e.g. when it holds the embedded data dir')
    .option('--token <token>', 'API token with the admin role, for --server')
    .action(async (options: ExportOptions) => {
      if (options.format === 'xlsx' && !options.output && process.stdout.isTTY) {
        throw new AppError('invalid_input', 'An XLSX file is binary: redirect it (> customers.xlsx) or use --output FILE');
      }
      if (options.server !== undefined) {
        if (!options.token) throw new AppError('invalid_input', '--server needs --token (an API token with the admin role)');
        const bytes = await downloadExport(options.server, options.token, options.format);
        await writeOut(bytes, options.output);
        report(`Downloaded the ${options.format} export from ${options.server}${options.tenant ? ` (the token's tenant; --tenant is not checked)` : ''}`, options.output);
        return;
      }
      const slug = options.tenant;
      if (!slug) throw new AppError('invalid_input', '--tenant SLUG is required (or --server URL --token TOKEN)');
      await withApp(async (app) => {
        const tenant = await app.identity.findTenantBySlug(slug);
        if (!tenant) throw notFound(`Tenant "${slug}"`);
        // The operator at the console acts for the tenant; the audit log shows no user.
        const file = await app.exports.customersFile({ tenantId: tenant.id, role: 'owner', userId: null, tokenId: null, sessionId: null }, options.format, { via: 'cli' });
        await writeOut(file.body, options.output);
        const customers = file.customersWritten();
        report(`Exported ${customers} ${customers === 1 ? 'customer' : 'customers'} of ${slug} as ${options.format}`, options.output);
      });
    });
}

// A file is written beside its target and renamed at the end, so a failed export leaves the
// previous file (or none) rather than half of one.
async function writeOut(bytes: AsyncIterable<Uint8Array>, output: string | undefined): Promise<void> {
  if (output === undefined) {
    await pipeline(Readable.from(bytes), process.stdout, { end: false });
    return;
  }
  const partial = `${output}.partial`;
  try {
    await pipeline(Readable.from(bytes), createWriteStream(partial));
    await rename(partial, output);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function downloadExport(server: string, token: string, format: ExportFormat): Promise<AsyncIterable<Uint8Array>> {
  // Relative to the given URL, so a server behind a path prefix (https://host/pasja/) works.
  const url = new URL('api/exports/customers', server.endsWith('/') ? server : `${server}/`);
  url.searchParams.set('format', format);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new AppError('unavailable', `Cannot reach ${server}: ${reason}`);
  }
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => null)) as { detail?: unknown } | null;
    const detail = typeof problem?.detail === 'string' ? problem.detail : response.statusText;
    throw new AppError(response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'unavailable', `${server} refused the export (${response.status}): ${detail}`);
  }
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}

function report(what: string, output: string | undefined): void {
  process.stderr.write(`${what}${output ? ` to ${output}` : ''}.\n`);
}
