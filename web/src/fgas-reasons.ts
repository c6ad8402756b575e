import type { MessageKey } from './i18n.ts';

// The server explains an F-gas status as "code: article" ("periodic_check: Art. 5(1)"), or in
// plain English when a unit has no refrigerant recorded. The code is translated and the article
// kept, as inspectors cite it; anything unknown is shown as the server wrote it.

const reasonKeys: Record<string, MessageKey> = {
  first_check: 'fgasReason.first_check',
  periodic_check: 'fgasReason.periodic_check',
  recheck_after_repair: 'fgasReason.recheck_after_repair',
  repair_found_leak: 'fgasReason.repair_found_leak',
  no_record: 'fgasReason.no_record',
  not_fluorinated_gas: 'fgasReason.not_fluorinated_gas',
  below_threshold: 'fgasReason.below_threshold',
  hermetically_sealed: 'fgasReason.hermetically_sealed',
  leak_detection_missing: 'fgasReason.leak_detection_missing',
  'no refrigerant recorded': 'fgasReason.no_refrigerant',
};

export function fgasReasonText(reason: string, t: (key: MessageKey) => string): string {
  const [code = '', ...rest] = reason.split(':');
  const key = reasonKeys[code.trim()];
  if (!key) return reason;
  const article = rest.join(':').trim();
  return article ? `${t(key)} (${article})` : t(key);
}
