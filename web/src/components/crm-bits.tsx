import type { CustomerKind, CustomerStatus } from '../crm-api.ts';
import { useNow } from '../hooks.ts';
import { useI18n } from '../i18n-context.tsx';
import { BuildingIcon, PersonIcon } from './icons.tsx';

// Small presentational pieces shared by the customer list, the customer page and the search.

export function KindBadge({ kind, compact = false }: { kind: CustomerKind; compact?: boolean }) {
  const { t } = useI18n();
  const label = t(`kind.${kind}`);
  return (
    <span className={`kind-badge kind-badge-${kind}`} title={label} data-testid="kind-badge" data-kind={kind}>
      {kind === 'company' ? <BuildingIcon /> : <PersonIcon />}
      {compact ? <span className="visually-hidden">{label}</span> : <span>{label}</span>}
    </span>
  );
}

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-status badge-status-${status}`} data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-list">
      {tags.map((tag) => (
        <span key={tag} className="tag" data-testid="tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

// "2 godz. temu", with the exact Warsaw date and time on hover and for assistive technology.
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { formatRelative, formatDateTime } = useI18n();
  const now = useNow();
  return (
    <time className={className} dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

// Comma-separated tags as typed → distinct, trimmed tags.
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}
