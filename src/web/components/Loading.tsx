import { useI18n } from '../i18n/i18n';
import { ErrorView } from '../screens/errors/ErrorPages';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="py-8 text-solid-gray-700">
      {t.app.loading}
    </p>
  );
}

/** While a query runs, its result, or its error as the right page. */
export function QueryState({ error }: { error: unknown }) {
  return error ? <ErrorView error={error} /> : <Loading />;
}
