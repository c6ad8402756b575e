import { useCallback, useEffect, useRef } from 'react';
import { canDispatch, canWorkOnJobs, type Me } from '../api.ts';
import type { ListLoad, Site } from '../crm-api.ts';
import { formatDecimal, siteAddressLine } from '../format.ts';
import { hvacApi, type Equipment } from '../hvac-api.ts';
import { useLoaded } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import { Link } from '../router.tsx';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { EquipmentForm } from './equipment-form.tsx';
import { FgasRegister } from './fgas-register.tsx';
import { ToolIcon } from './icons.tsx';
import { fgasReasonText } from '../fgas-reasons.ts';
import { FgasBadge } from './job-bits.tsx';
import { RecordListPanel } from './record-list-panel.tsx';

interface EquipmentPanelProps {
  customerId: string;
  me: Me;
  equipment: ListLoad<Equipment>;
  sites: Site[];
  canAdd: boolean;
  // The unit whose F-gas register and documents are open (from ?unit= in the address).
  selectedId: string | null;
  onSelect(id: string | null): void;
  onSaved(unit: Equipment): void;
  onRemoved(unit: Equipment): void;
  onReload(): void;
}

// The customer's equipment tab: every unit with its F-gas status, add and edit, and for the chosen
// unit its F-gas register and documents below the list.
export function EquipmentPanel({ customerId, me, equipment, sites, canAdd, selectedId, onSelect, onSaved, onRemoved, onReload }: EquipmentPanelProps) {
  const { t } = useI18n();
  const selected = equipment.status === 'ready' ? equipment.items.find((unit) => unit.id === selectedId) : undefined;
  const siteOf = (unit: Equipment) => sites.find((site) => site.id === unit.siteId);
  return (
    <div className="panel-stack">
      <RecordListPanel<Equipment>
        name="equipment"
        title={t('equipment.title')}
        addLabel={t('equipment.add')}
        emptyText={sites.length === 0 ? t('equipment.emptyNoSites') : t('equipment.empty')}
        records={equipment}
        canAdd={canAdd && sites.length > 0}
        canChange={canAdd}
        renderForm={(form) => <EquipmentForm sites={sites} form={form} onReload={onReload} />}
        renderCard={(unit) => (
          <EquipmentCard unit={unit} site={siteOf(unit)} customerId={customerId} canOpenJob={canDispatch(me.role)} selected={unit.id === selectedId} onSelect={onSelect} />
        )}
        describe={(unit) => unit.model ? `${unit.brand} ${unit.model}` : unit.brand}
        savedMessage={(unit, added) => (added ? t('equipment.added', { name: unit.brand }) : t('equipment.saved', { name: unit.brand }))}
        removal={(unit) => ({
          question: t('equipment.deleteQuestion', { name: unit.brand }),
          confirmLabel: t('record.delete'),
          run: () => hvacApi.deleteEquipment(unit.id, unit.version),
        })}
        removedMessage={(unit) => t('equipment.deleted', { name: unit.brand })}
        onSaved={onSaved}
        onRemoved={onRemoved}
        onReload={onReload}
      />
      {selected && <EquipmentDetail key={selected.id} unit={selected} me={me} onClose={() => onSelect(null)} onRecorded={onReload} />}
    </div>
  );
}

interface EquipmentCardProps {
  unit: Equipment;
  site: Site | undefined;
  customerId: string;
  canOpenJob: boolean;
  selected: boolean;
  onSelect(id: string | null): void;
}

function EquipmentCard({ unit, site, customerId, canOpenJob, selected, onSelect }: EquipmentCardProps) {
  const { t, locale, formatDate } = useI18n();
  const { fgas } = unit;
  return (
    <>
      <div className="entity-head">
        <span className="entity-icon" aria-hidden="true">
          <ToolIcon />
        </span>
        <div className="entity-title-block">
          <h3 className="entity-title" data-testid="equipment-name">
            {unit.model ? `${unit.brand} ${unit.model}` : unit.brand}
            {unit.status !== 'active' && <span className={`badge equipment-status-${unit.status}`}>{t(`equipmentStatus.${unit.status}`)}</span>}
          </h3>
          <p className="entity-subtitle">
            {t(`equipmentCategory.${unit.category}`)}
            {site && ` · ${siteAddressLine(site)}, ${site.city}`}
          </p>
        </div>
      </div>
      <dl className="equipment-facts">
        {unit.serialNumber && (
          <div>
            <dt>{t('equipment.serialNumber')}</dt>
            <dd className="mono">{unit.serialNumber}</dd>
          </div>
        )}
        {unit.installedOn && (
          <div>
            <dt>{t('equipment.installedOn')}</dt>
            <dd>{formatDate(unit.installedOn)}</dd>
          </div>
        )}
        {unit.warrantyUntil && (
          <div>
            <dt>{t('equipment.warrantyUntil')}</dt>
            <dd>{formatDate(unit.warrantyUntil)}</dd>
          </div>
        )}
        {unit.refrigerant && (
          <div>
            <dt>{t('equipment.refrigerant')}</dt>
            <dd data-testid="equipment-refrigerant">
              {unit.refrigerant}
              {unit.refrigerantChargeKg !== null && ` · ${formatDecimal(unit.refrigerantChargeKg, locale)} kg`}
              {fgas.co2eTonnes !== null && ` · ${t('equipment.co2e', { tonnes: formatDecimal(Math.round(fgas.co2eTonnes * 100) / 100, locale) })}`}
            </dd>
          </div>
        )}
      </dl>
      <div className="fgas-line">
        <FgasBadge fgas={fgas} />
        <span className="fgas-text">
          {fgas.nextCheckDue && `${t('fgas.nextCheck', { date: formatDate(fgas.nextCheckDue) })} · `}
          {fgasReasonText(fgas.reason, t)}
        </span>
      </div>
      <div className="equipment-actions">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={selected}
          onClick={() => onSelect(selected ? null : unit.id)}
          data-testid="equipment-open"
        >
          {t('equipment.registerAndDocuments')}
        </button>
        {canOpenJob && (
          <Link to={`/jobs?new=1&customer=${customerId}`} className="button button-ghost button-small" data-testid="equipment-new-job">
            {t('jobs.new')}
          </Link>
        )}
      </div>
    </>
  );
}

// The chosen unit's F-gas register and documents; scrolled into view when opened.
function EquipmentDetail({ unit, me, onClose, onRecorded }: { unit: Equipment; me: Me; onClose(): void; onRecorded(): void }) {
  const { t } = useI18n();
  const section = useRef<HTMLElement>(null);
  const loadAttachments = useCallback(() => hvacApi.listEquipmentAttachments(unit.id), [unit.id]);
  const attachments = useLoaded(loadAttachments);
  const items = attachments.state.status === 'ready' ? attachments.state.data.items : null;

  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section ref={section} className="card equipment-detail" aria-labelledby={`equipment-detail-${unit.id}`} data-testid="equipment-detail" data-equipment-id={unit.id}>
      <div className="card-header">
        <h2 id={`equipment-detail-${unit.id}`} className="card-title">
          {unit.model ? `${unit.brand} ${unit.model}` : unit.brand}
        </h2>
        <button type="button" className="icon-button" aria-label={t('app.dismiss')} onClick={onClose}>
          ×
        </button>
      </div>
      <FgasRegister unit={unit} me={me} canRecord={canWorkOnJobs(me.role)} onRecorded={onRecorded} />
      {attachments.state.status === 'failed' ? (
        <p className="field-error" role="alert">
          {attachments.state.message}
        </p>
      ) : (
        <AttachmentsPanel
          name="equipment"
          title={t('attachments.equipmentTitle')}
          items={items}
          canUpload={canWorkOnJobs(me.role)}
          canDelete={canWorkOnJobs(me.role)}
          upload={(file, fileName, contentType) => hvacApi.uploadEquipmentAttachment(unit.id, file, fileName, contentType)}
          onUploaded={(attachment) => attachments.update((list) => ({ items: [...list.items, attachment] }))}
          onDeleted={(attachment) => attachments.update((list) => ({ items: list.items.filter((each) => each.id !== attachment.id) }))}
          onReload={attachments.reload}
          framed={false}
        />
      )}
    </section>
  );
}
