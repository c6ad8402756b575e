import { describe, expect, it } from 'vitest';
import type { JobSettings } from './hvac-api.ts';
import { createTranslator } from './i18n.ts';
import { jobSettingsDraftOf, jobSettingsInputOf } from './job-settings-drafts.ts';

const { t } = createTranslator('pl');

const settings: JobSettings = {
  slaTargets: {
    emergency: { responseMinutes: 30, resolutionMinutes: 240 },
    high: { responseMinutes: 240, resolutionMinutes: 1440 },
    normal: { responseMinutes: 1440, resolutionMinutes: 4320 },
    low: { responseMinutes: 4320, resolutionMinutes: 10080 },
  },
  pauseOnHold: true,
  defaultVatRate: null,
  checklists: { installation: ['Montaż'], repair: ['Diagnoza', 'Naprawa'], maintenance: [], inspection: [], fgas_leak_check: [], emergency: [] },
  version: 3,
};

describe('job settings drafts', () => {
  it('shows SLA targets in hours and checklists as lines', () => {
    const draft = jobSettingsDraftOf(settings, 'pl');
    expect(draft.targets.emergency).toEqual({ response: '0,5', resolution: '4' });
    expect(draft.targets.low.resolution).toBe('168');
    expect(draft.checklists.repair).toBe('Diagnoza\nNaprawa');
    expect(draft.defaultVatRate).toBe('');
  });

  it('sends minutes, trimmed checklist lines and the version it was read at', () => {
    const draft = jobSettingsDraftOf(settings, 'pl');
    draft.targets.high.response = '2,5';
    draft.checklists.repair = ' Diagnoza \n\nTest po naprawie\n';
    draft.defaultVatRate = 8;
    const checked = jobSettingsInputOf(draft, settings.version, t);
    expect(checked.ok && checked.input.slaTargets?.high).toEqual({ responseMinutes: 150, resolutionMinutes: 1440 });
    expect(checked.ok && checked.input.checklists?.repair).toEqual(['Diagnoza', 'Test po naprawie']);
    expect(checked.ok && [checked.input.defaultVatRate, checked.input.version]).toEqual([8, 3]);
  });

  it('refuses a target that is not a positive number of hours', () => {
    const draft = jobSettingsDraftOf(settings, 'pl');
    draft.targets.normal.resolution = '0';
    draft.targets.low.response = 'tydzień';
    const checked = jobSettingsInputOf(draft, settings.version, t);
    expect(!checked.ok && Object.keys(checked.fieldErrors)).toEqual(['slaTargets/normal/resolutionMinutes', 'slaTargets/low/responseMinutes']);
  });
});
