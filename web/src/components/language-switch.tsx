import { useI18n } from '../i18n-context.tsx';
import { locales } from '../i18n.ts';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('topbar.language')} data-testid="language-switch">
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="segmented-option"
          aria-pressed={option === locale}
          title={t(`language.${option}`)}
          data-testid={`language-${option}`}
          onClick={() => setLocale(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
