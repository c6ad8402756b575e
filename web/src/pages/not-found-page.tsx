import { useDocumentTitle, useI18n } from '../i18n-context.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('app.notFound.title'));
  return (
    <div className="page" data-testid="not-found-page">
      <div className="card card-message">
        <h1 className="page-title">{t('app.notFound.title')}</h1>
        <p>{t('app.notFound.body')}</p>
        <Link to="/customers" className="button button-secondary">
          {t('app.notFound.back')}
        </Link>
      </div>
    </div>
  );
}
