import { useI18n } from '../i18n-context.tsx';

// What a panel shows when its data could not be loaded: the reason, and a retry when one can help.
export function LoadFailed({ message, onRetry, inCard = true, testId }: { message: string; onRetry?: () => void; inCard?: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <div className={inCard ? 'card card-message' : 'card-message'} role="alert" data-testid={testId}>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
