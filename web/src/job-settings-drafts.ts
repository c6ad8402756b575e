import { formatDecimal, parseDecimal } from './format.ts';
import { jobPriorities, jobTypes, type JobPriority, type JobSettings, type JobSettingsInput, type JobType, type VatRate } from './hvac-api.ts';
import type { Locale, Translator } from './i18n.ts';

// What the job settings form edits: SLA targets in hours (as offices agree them; the API keeps
// minutes), the default VAT rate, and each job type's checklist as lines of text.

export interface JobSettingsDraft {
  targets: Record<JobPriority, { response: string; resolution: string }>;
  pauseOnHold: boolean;
  // '' lets each site's rate follow the law.
  defaultVatRate: VatRate | '';
  checklists: Record<JobType, string>;
}

const hoursOf = (minutes: number, locale: Locale) => formatDecimal(String(Math.round((minutes / 60) * 100) / 100), locale).replace(/\s|\u00a0/g, '');

export function jobSettingsDraftOf(settings: JobSettings, locale: Locale): JobSettingsDraft {
  const targets = Object.fromEntries(
    jobPriorities.map((priority) => {
      const target = settings.slaTargets[priority];
      return [priority, { response: hoursOf(target.responseMinutes, locale), resolution: hoursOf(target.resolutionMinutes, locale) }];
    }),
  ) as JobSettingsDraft['targets'];
  const checklists = Object.fromEntries(jobTypes.map((type) => [type, settings.checklists[type].join('\n')])) as JobSettingsDraft['checklists'];
  return { targets, pauseOnHold: settings.pauseOnHold, defaultVatRate: settings.defaultVatRate ?? '', checklists };
}

export type SettingsCheck = { ok: true; input: JobSettingsInput } | { ok: false; fieldErrors: Record<string, string> };

// Field keys follow the API's paths ("slaTargets/high/responseMinutes", "checklists/repair").
export function jobSettingsInputOf(draft: JobSettingsDraft, version: number, t: Translator['t']): SettingsCheck {
  const fieldErrors: Record<string, string> = {};
  const minutes = (text: string, field: string): number => {
    const hours = parseDecimal(text, 2);
    const value = typeof hours === 'number' ? Math.round(hours * 60) : 0;
    if (value < 1) fieldErrors[field] = t('settings.hoursInvalid');
    return value;
  };
  const slaTargets = Object.fromEntries(
    jobPriorities.map((priority) => {
      const target = draft.targets[priority];
      const responseMinutes = minutes(target.response, `slaTargets/${priority}/responseMinutes`);
      const resolutionMinutes = minutes(target.resolution, `slaTargets/${priority}/resolutionMinutes`);
      return [priority, { responseMinutes, resolutionMinutes }];
    }),
  ) as JobSettings['slaTargets'];
  const checklists = Object.fromEntries(
    jobTypes.map((type) => [
      type,
      draft.checklists[type]
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ]),
  ) as JobSettings['checklists'];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, input: { slaTargets, pauseOnHold: draft.pauseOnHold, defaultVatRate: draft.defaultVatRate === '' ? null : draft.defaultVatRate, checklists, version } };
}
