import { describe, expect, it } from 'vitest';
import { equipmentInputOf, newEquipmentDraft } from './equipment-drafts.ts';
import { createTranslator } from './i18n.ts';

const { t } = createTranslator('pl');

describe('equipment drafts', () => {
  it('sends the charge in kg and blank texts as null', () => {
    const draft = { ...newEquipmentDraft('site'), brand: ' Daikin ', refrigerant: 'R-32', chargeKg: '1,25' };
    const checked = equipmentInputOf(draft, t);
    expect(checked.ok && checked.input).toMatchObject({ brand: 'Daikin', model: null, refrigerant: 'R-32', refrigerantChargeKg: 1.25, installedOn: null });
  });

  it('wants the refrigerant and its charge together, as the F-gas rules need both', () => {
    const withoutCharge = equipmentInputOf({ ...newEquipmentDraft('site'), brand: 'Daikin', refrigerant: 'R-32' }, t);
    const withoutRefrigerant = equipmentInputOf({ ...newEquipmentDraft('site'), brand: 'Daikin', chargeKg: '2' }, t);
    expect(!withoutCharge.ok && Object.keys(withoutCharge.fieldErrors)).toEqual(['refrigerantChargeKg']);
    expect(!withoutRefrigerant.ok && Object.keys(withoutRefrigerant.fieldErrors)).toEqual(['refrigerant']);
  });

  it('refuses a unit without a site or a brand', () => {
    const checked = equipmentInputOf(newEquipmentDraft(''), t);
    expect(!checked.ok && Object.keys(checked.fieldErrors).sort()).toEqual(['brand', 'siteId']);
  });
});
