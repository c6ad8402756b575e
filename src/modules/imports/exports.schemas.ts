import { Type, type Static } from '@sinclair/typebox';
import type { ExportFormat } from './export-writers.ts';

export const exportFormats = ['csv', 'xlsx', 'vcf', 'json'] as const satisfies ReadonlyArray<ExportFormat>;

export const CustomerExportQuery = Type.Object(
  {
    format: Type.Union(
      exportFormats.map((format) => Type.Literal(format)),
      { default: 'csv', description: 'csv: UTF-8 with BOM, semicolons (opens in Excel); xlsx; vcf: vCard 4.0, one card per contact; json: NDJSON, one customer per line' },
    ),
  },
  { additionalProperties: false },
);
export type CustomerExportInput = Static<typeof CustomerExportQuery>;
