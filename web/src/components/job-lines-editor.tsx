import { useState, type FormEvent } from 'react';
import { formatDecimal, formatPln } from '../format.ts';
import { hvacApi, lineKinds, vatRates, type Job, type LineKind, type VatRate } from '../hvac-api.ts';
import { useI18n } from '../i18n-context.tsx';
import { lineDraftOf, lineFieldErrors, linesInputOf, newLineDraft, nextVatRate, type LineDraft } from '../job-lines.ts';
import { Field, Select, TextInput } from './field.tsx';
import { EditIcon, PlusIcon, TrashIcon } from './icons.tsx';
import { ConflictBanner, FormFooter, useSave } from './record-editing.tsx';

interface JobLinesProps {
  job: Job;
  canEdit: boolean;
  // VAT rate of a job's first line.
  defaultVatRate: VatRate;
  onChanged(job: Job): void;
  onReload(): void;
}

// The job's priced lines (parts, labour, other) and the totals the server computed from them:
// net, VAT and gross per rate, then overall, as on a Polish invoice. Editing replaces the whole
// list under the job's version.
export function JobLines({ job, canEdit, defaultVatRate, onChanged, onReload }: JobLinesProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  // Lines of invoiced, closed and cancelled jobs are fixed (the server refuses changes).
  const editable = canEdit && !['invoiced', 'closed', 'cancelled'].includes(job.status);

  return (
    <section className="card job-section" aria-labelledby="job-lines-title" data-testid="job-lines">
      <div className="section-header">
        <h2 id="job-lines-title" className="section-title">
          {t('lines.title')}
        </h2>
        {editable && !editing && (
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)} data-testid="lines-edit">
            <EditIcon />
            {job.lines.length === 0 ? t('lines.add') : t('lines.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <LinesForm
          job={job}
          defaultVatRate={defaultVatRate}
          onSaved={(saved) => {
            onChanged(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      ) : (
        <LinesTable job={job} />
      )}
      {job.lines.length > 0 && <Totals totals={job.totals} />}
    </section>
  );
}

function LinesTable({ job }: { job: Job }) {
  const { t, locale } = useI18n();
  if (job.lines.length === 0) return <p className="muted">{t('lines.empty')}</p>;
  return (
    <table className="table lines-table" data-testid="lines-table">
      <thead>
        <tr>
          <th scope="col">{t('lines.description')}</th>
          <th scope="col">{t('lines.quantity')}</th>
          <th scope="col">{t('lines.unitPrice')}</th>
          <th scope="col">{t('lines.vat')}</th>
          <th scope="col">{t('lines.net')}</th>
        </tr>
      </thead>
      <tbody>
        {job.lines.map((line, index) => (
          <tr key={index} data-testid="line-row">
            <td className="cell-description" data-label={t('lines.description')}>
              <span className="line-kind">{t(`lineKind.${line.kind}`)}</span> {line.description}
            </td>
            <td className="cell-quantity" data-label={t('lines.quantity')}>
              {formatDecimal(line.quantity, locale)}
            </td>
            <td className="cell-price amount" data-label={t('lines.unitPrice')}>
              {formatPln(line.unitPriceGrosze, locale)}
              {Number(line.discountPercent) > 0 && <span className="line-discount"> −{formatDecimal(line.discountPercent, locale)}%</span>}
            </td>
            <td className="cell-vat" data-label={t('lines.vat')}>
              {line.vatRate}%
            </td>
            <td className="cell-net amount" data-label={t('lines.net')}>
              {formatPln(line.netGrosze, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Per VAT rate, then the whole job; the gross total is what the customer pays.
function Totals({ totals }: { totals: Job['totals'] }) {
  const { t, locale } = useI18n();
  const pln = (grosze: number) => formatPln(grosze, locale);
  return (
    <dl className="totals" data-testid="job-totals">
      {totals.byRate.map((rate) => (
        <div key={rate.rate} className="totals-row" data-testid="totals-rate" data-rate={rate.rate}>
          <dt>{t('lines.rateLabel', { rate: rate.rate })}</dt>
          <dd className="totals-parts">
            <span>{t('lines.rateNet', { amount: pln(rate.netGrosze) })}</span>
            <span>{t('lines.rateVat', { amount: pln(rate.vatGrosze) })}</span>
            <span>{t('lines.rateGross', { amount: pln(rate.grossGrosze) })}</span>
          </dd>
        </div>
      ))}
      <div className="totals-row">
        <dt>{t('lines.totalNet')}</dt>
        <dd data-testid="totals-net">{pln(totals.netGrosze)}</dd>
      </div>
      <div className="totals-row">
        <dt>{t('lines.totalVat')}</dt>
        <dd data-testid="totals-vat">{pln(totals.vatGrosze)}</dd>
      </div>
      <div className="totals-row totals-gross">
        <dt>{t('lines.totalGross')}</dt>
        <dd data-testid="totals-gross">{pln(totals.grossGrosze)}</dd>
      </div>
    </dl>
  );
}

interface LinesFormProps {
  job: Job;
  defaultVatRate: VatRate;
  onSaved(job: Job): void;
  onCancel(): void;
  onReload(): void;
}

function LinesForm({ job, defaultVatRate, onSaved, onCancel, onReload }: LinesFormProps) {
  const { t, locale } = useI18n();
  const [drafts, setDrafts] = useState<LineDraft[]>(() =>
    job.lines.length > 0 ? job.lines.map((line) => lineDraftOf(line, locale)) : [newLineDraft(defaultVatRate)],
  );
  const save = useSave(['lines'], lineFieldErrors);
  const { fieldErrors } = save;

  const change = (key: string, patch: Partial<LineDraft>) => setDrafts((previous) => previous.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = linesInputOf(drafts, t);
    if (!checked.ok) return save.reject(checked.fieldErrors);
    await save.run(async () => onSaved(await hvacApi.replaceLines(job, checked.lines)));
  };

  return (
    <form className="form lines-form" onSubmit={(event) => void submit(event)} noValidate data-testid="lines-form">
      {save.conflict && <ConflictBanner onReload={onReload} />}
      <p className="field-hint">{t('lines.hint')}</p>
      <ol className="line-drafts">
        {drafts.map((draft, index) => {
          const error = (field: string) => fieldErrors[`lines/${index}/${field}`];
          return (
            <li key={draft.key} className="line-draft" data-testid="line-draft">
              <Field label={t('lines.kind')} error={error('kind')}>
                {(control) => (
                  <Select {...control} value={draft.kind} onChange={(event) => change(draft.key, { kind: pickKind(event.target.value) })} data-testid="line-kind">
                    {lineKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`lineKind.${kind}`)}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <div className="line-draft-description">
                <Field label={t('lines.description')} error={error('description')}>
                  {(control) => (
                    <TextInput {...control} maxLength={500} value={draft.description} onChange={(event) => change(draft.key, { description: event.target.value })} data-testid="line-description" />
                  )}
                </Field>
              </div>
              <Field label={t('lines.quantity')} error={error('quantity')}>
                {(control) => (
                  <TextInput {...control} inputMode="decimal" value={draft.quantity} onChange={(event) => change(draft.key, { quantity: event.target.value })} data-testid="line-quantity" />
                )}
              </Field>
              <Field label={t('lines.unitPriceZl')} error={error('unitPriceGrosze')}>
                {(control) => (
                  <TextInput {...control} inputMode="decimal" placeholder="0,00" value={draft.unitPrice} onChange={(event) => change(draft.key, { unitPrice: event.target.value })} data-testid="line-unit-price" />
                )}
              </Field>
              <Field label={t('lines.vat')} error={error('vatRate')}>
                {(control) => (
                  <Select {...control} value={draft.vatRate} onChange={(event) => change(draft.key, { vatRate: pickRate(event.target.value) })} data-testid="line-vat">
                    {vatRates.map((rate) => (
                      <option key={rate} value={rate}>
                        {rate}%
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label={t('lines.discount')} error={error('discountPercent')}>
                {(control) => (
                  <TextInput {...control} inputMode="decimal" placeholder="0" value={draft.discount} onChange={(event) => change(draft.key, { discount: event.target.value })} data-testid="line-discount" />
                )}
              </Field>
              <button
                type="button"
                className="button button-ghost button-small button-danger-quiet line-remove"
                aria-label={t('lines.removeNamed', { number: index + 1 })}
                onClick={() => setDrafts((previous) => previous.filter((each) => each.key !== draft.key))}
                data-testid="line-remove"
              >
                <TrashIcon />
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small line-add"
        onClick={() => setDrafts((previous) => [...previous, newLineDraft(nextVatRate(previous, defaultVatRate))])}
        data-testid="line-add"
      >
        <PlusIcon />
        {t('lines.addLine')}
      </button>
      <FormFooter name="lines" busy={save.busy} error={save.error} submitLabel={t('lines.save')} onCancel={onCancel} />
    </form>
  );
}

function pickKind(value: string): LineKind {
  return lineKinds.find((kind) => kind === value) ?? 'other';
}

function pickRate(value: string): VatRate {
  return vatRates.find((rate) => String(rate) === value) ?? 23;
}
