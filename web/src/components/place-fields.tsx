import { useEffect, useState } from 'react';
import { crmApi, type ListLoad, type Site } from '../crm-api.ts';
import { errorText, isUnauthorized } from '../error-text.ts';
import { siteAddressLine } from '../format.ts';
import { hvacApi, type Equipment } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { useSession } from '../session-context.tsx';
import { CustomerPicker, type CustomerChoice } from './customer-picker.tsx';
import { Field, Select } from './field.tsx';

export interface Place {
  customer: CustomerChoice | null;
  siteId: string;
  // '' for none
  equipmentId: string;
}

interface PlaceFieldsProps {
  value: Place;
  onChange(place: Place): void;
  fieldErrors: Record<string, string>;
  // Test ids: `${name}-site`, `${name}-equipment`, and the picker's.
  name: string;
}

export function siteOptionLabel(site: Site): string {
  const address = `${siteAddressLine(site)}, ${site.city}`;
  return site.label ? `${site.label} — ${address}` : address;
}

// Where work is done, as a job or a maintenance plan names it: a customer, one of its sites, and
// optionally a unit standing at that site. A customer with one site gets it chosen.
export function PlaceFields({ value, onChange, fieldErrors, name }: PlaceFieldsProps) {
  const { t, formatDate } = useI18n();
  const { expire } = useSession();
  const [sites, setSites] = useState<ListLoad<Site>>({ status: 'loading' });
  const [units, setUnits] = useState<Equipment[]>([]);
  const customerId = value.customer?.id ?? null;

  useEffect(() => {
    if (!customerId) return;
    let cancelled = false;
    setSites({ status: 'loading' });
    setUnits([]);
    const fail = (error: unknown) => {
      if (cancelled) return;
      if (isUnauthorized(error)) expire();
      else setSites({ status: 'failed', message: errorText(error, t, 'app.loadFailed') });
    };
    crmApi.listSites(customerId).then((page) => {
      if (cancelled) return;
      setSites({ status: 'ready', items: page.items });
      const [only] = page.items;
      if (page.items.length === 1 && only) onChange({ ...value, siteId: only.id, equipmentId: '' });
    }, fail);
    // Equipment is optional: without it the form still works.
    hvacApi.listCustomerEquipment(customerId).then(
      (page) => !cancelled && setUnits(page.items),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // Loads when the customer changes, not on every keystroke elsewhere in the form.
  }, [customerId, expire]);

  const atSite = units.filter((unit) => unit.siteId === value.siteId && unit.deletedAt === null);

  return (
    <>
      <div className="form-span-all">
        <CustomerPicker
          name={name}
          value={value.customer}
          error={fieldErrors.customer}
          onChange={(customer) => onChange({ customer, siteId: '', equipmentId: '' })}
        />
      </div>
      {value.customer && (
        <>
          <Field label={t('place.site')} error={fieldErrors.siteId}>
            {(control) => (
              <Select
                {...control}
                required
                disabled={sites.status !== 'ready'}
                value={value.siteId}
                onChange={(event) => onChange({ ...value, siteId: event.target.value, equipmentId: '' })}
                data-testid={`${name}-site`}
              >
                <option value="">{sites.status === 'loading' ? t('app.loading') : t('place.chooseSite')}</option>
                {sites.status === 'ready' &&
                  sites.items.map((site) => (
                    <option key={site.id} value={site.id}>
                      {siteOptionLabel(site)}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
          <Field label={`${t('place.equipment')} (${t('common.optional')})`} error={fieldErrors.equipmentId}>
            {(control) => (
              <Select
                {...control}
                disabled={!value.siteId || atSite.length === 0}
                value={value.equipmentId}
                onChange={(event) => onChange({ ...value, equipmentId: event.target.value })}
                data-testid={`${name}-equipment`}
              >
                <option value="">{atSite.length === 0 && value.siteId ? t('place.noEquipment') : t('place.anyEquipment')}</option>
                {atSite.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {equipmentName(unit, t)}
                    {unit.installedOn ? ` (${formatDate(unit.installedOn)})` : ''}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {sites.status === 'failed' && (
            <p className="field-error form-span-all" role="alert">
              {sites.message}
            </p>
          )}
          {sites.status === 'ready' && sites.items.length === 0 && (
            <p className="field-error form-span-all" role="alert">
              {t('place.customerHasNoSites')}
            </p>
          )}
        </>
      )}
    </>
  );
}

// "Daikin FTXM35R — klimatyzator split" for selects and headers.
export function equipmentName(unit: Pick<Equipment, 'brand' | 'model' | 'category'>, t: ReturnType<typeof useI18n>['t']): string {
  const name = unit.model ? `${unit.brand} ${unit.model}` : unit.brand;
  return `${name} — ${t(`equipmentCategory.${unit.category}`)}`;
}
