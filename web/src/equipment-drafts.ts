import { parseDecimal } from './format.ts';
import type { Equipment, EquipmentCategory, EquipmentInput, EquipmentStatus } from './hvac-api.ts';
import type { Translator } from './i18n.ts';

// What the equipment form edits (everything as typed), and the API input made of it.

export interface EquipmentDraft {
  siteId: string;
  category: EquipmentCategory;
  brand: string;
  model: string;
  serialNumber: string;
  // "YYYY-MM-DD" as a date input holds it; '' for none
  installedOn: string;
  warrantyUntil: string;
  status: EquipmentStatus;
  refrigerant: string;
  // kg as typed: "1,25"
  chargeKg: string;
  hermeticallySealed: boolean;
  leakDetection: boolean;
  installer: string;
  notes: string;
}

export const equipmentFields = [
  'siteId',
  'category',
  'brand',
  'model',
  'serialNumber',
  'installedOn',
  'warrantyUntil',
  'status',
  'refrigerant',
  'refrigerantChargeKg',
  'hermeticallySealed',
  'leakDetection',
  'installer',
  'notes',
];

// Refrigerants a Polish service firm meets most; the server knows more and reads any spelling.
export const commonRefrigerants = ['R-32', 'R-410A', 'R-407C', 'R-134a', 'R-404A', 'R-454B', 'R-513A', 'R-1234yf', 'R-1234ze(E)', 'R-290', 'R-600a', 'R-744'];

export function newEquipmentDraft(siteId: string): EquipmentDraft {
  return {
    siteId,
    category: 'split_ac',
    brand: '',
    model: '',
    serialNumber: '',
    installedOn: '',
    warrantyUntil: '',
    status: 'active',
    refrigerant: '',
    chargeKg: '',
    hermeticallySealed: false,
    leakDetection: false,
    installer: '',
    notes: '',
  };
}

export function equipmentDraftOf(unit: Equipment): EquipmentDraft {
  return {
    siteId: unit.siteId,
    category: unit.category,
    brand: unit.brand,
    model: unit.model ?? '',
    serialNumber: unit.serialNumber ?? '',
    installedOn: unit.installedOn ?? '',
    warrantyUntil: unit.warrantyUntil ?? '',
    status: unit.status,
    refrigerant: unit.refrigerant ?? '',
    chargeKg: unit.refrigerantChargeKg === null ? '' : String(unit.refrigerantChargeKg).replace('.', ','),
    hermeticallySealed: unit.hermeticallySealed,
    leakDetection: unit.leakDetection,
    installer: unit.installer ?? '',
    notes: unit.notes ?? '',
  };
}

export type EquipmentCheck = { ok: true; input: EquipmentInput } | { ok: false; fieldErrors: Record<string, string> };

// Blank texts become null. The F-gas rules need the refrigerant and its charge together, so one
// without the other is refused here, next to the field that is missing.
export function equipmentInputOf(draft: EquipmentDraft, t: Translator['t']): EquipmentCheck {
  const fieldErrors: Record<string, string> = {};
  if (!draft.siteId) fieldErrors.siteId = t('validation.required');
  if (!draft.brand.trim()) fieldErrors.brand = t('validation.required');
  const charge = parseDecimal(draft.chargeKg, 3);
  if (charge === undefined || charge === 0) fieldErrors.refrigerantChargeKg = t('validation.kilograms');
  const refrigerant = draft.refrigerant.trim() || null;
  if (refrigerant && charge === null) fieldErrors.refrigerantChargeKg = t('equipment.chargeNeeded');
  if (!refrigerant && typeof charge === 'number' && charge > 0) fieldErrors.refrigerant = t('equipment.refrigerantNeeded');
  if (draft.installedOn && draft.warrantyUntil && draft.warrantyUntil < draft.installedOn) fieldErrors.warrantyUntil = t('validation.afterStart');
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    input: {
      siteId: draft.siteId,
      category: draft.category,
      brand: draft.brand.trim(),
      model: draft.model.trim() || null,
      serialNumber: draft.serialNumber.trim() || null,
      installedOn: draft.installedOn || null,
      warrantyUntil: draft.warrantyUntil || null,
      status: draft.status,
      refrigerant,
      refrigerantChargeKg: charge ?? null,
      hermeticallySealed: draft.hermeticallySealed,
      leakDetection: draft.leakDetection,
      installer: draft.installer.trim() || null,
      notes: draft.notes.trim() || null,
    },
  };
}
