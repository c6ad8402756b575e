import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { App } from '../app.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Principal } from '../core/http/access.ts';

type WithApp = (work: (app: App) => Promise<void>) => Promise<void>;

// `pasja regions import FILE --tenant SLUG`: the same import as POST /api/regions/import, for files
// too large to upload comfortably or for provisioning scripts. Errors name JSON Pointers into FILE.
export function regionsCommand(withApp: WithApp): Command {
  const regions = new Command('regions').description("manage a tenant's service regions (map districts that sites are placed in)");
  regions
    .command('import')
    .description("replace a tenant's regions with the named polygons of a GeoJSON FeatureCollection; sites are placed in them again")
    .argument('<file>', 'GeoJSON file (FeatureCollection of Polygon/MultiPolygon features)')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--name-property <property>', 'feature property holding the region name (default: name, district or nazwa)')
    .addOption(new Option('--json', 'print machine-readable JSON'))
    .action(async (file: string, options: { tenant: string; nameProperty?: string; json?: boolean }) =>
      withApp(async (app) => {
        const document = await readGeoJson(file);
        const tenant = await app.identity.findTenantBySlug(options.tenant);
        if (!tenant) throw notFound(`Tenant "${options.tenant}"`);
        try {
          const result = await app.regions.importGeoJson(commandLinePrincipal(tenant.id), document, { nameProperty: options.nameProperty, pointerPrefix: '' });
          const text = `Imported ${result.imported} regions into ${options.tenant}: ${result.replaced} replaced, ${result.imported - result.replaced} new, ${result.removed} removed; ${result.sitesResolved} sites lie in a region.`;
          process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${text}\n`);
        } catch (error) {
          if (!(error instanceof AppError) || !error.errors) throw error;
          if (options.json) process.stdout.write(`${JSON.stringify({ errors: error.errors }, null, 2)}\n`);
          const lines = error.errors.map((problem) => `  ${problem.field || '(document)'}: ${problem.message} [${problem.rule}]`);
          process.stderr.write(`pasja: ${file} was not imported (${error.errors.length} ${error.errors.length === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}\n`);
          process.exitCode = 1;
        }
      }),
    );
  return regions;
}

async function readGeoJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('invalid_input', `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('invalid_input', `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// The operator at the console acts for the tenant with full rights; the audit log shows no user.
function commandLinePrincipal(tenantId: string): Principal {
  return { tenantId, role: 'owner', userId: null, tokenId: null, sessionId: null };
}
