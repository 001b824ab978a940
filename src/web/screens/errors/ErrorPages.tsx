import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t.errors.notFoundTitle} lead={t.errors.notFoundLead}>
      <Link to="/">{t.errors.goHome}</Link>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Page title={t.errors.forbiddenTitle} lead={t.errors.forbiddenLead}>
      <Link to="/">{t.errors.goHome}</Link>
    </Page>
  );
}

/** A plain apology that quotes the request id the server logged the error under. */
export function UnexpectedErrorPage({ error }: { error: unknown }) {
  const { t } = useI18n();
  const requestId = error instanceof ApiError ? error.requestId : null;
  const offline = error instanceof ApiError && error.code === 'NETWORK_ERROR';
  return (
    <Page
      title={t.errors.unexpectedTitle}
      lead={offline ? t.errors.offline : t.errors.unexpectedLead}
    >
      {requestId && (
        <p className="mb-4">
          {t.errors.reference}: <code data-testid="request-id">{requestId}</code>
        </p>
      )}
      <p className="flex gap-4">
        <a href="/">{t.errors.goHome}</a>
        <button
          type="button"
          className="text-blue-1000 underline"
          onClick={() => window.location.reload()}
        >
          {t.errors.reload}
        </button>
      </p>
    </Page>
  );
}

/** Shows the right page for an error a screen could not handle itself. */
export function ErrorView({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return <ForbiddenPage />;
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return <NotFoundPage />;
  return <UnexpectedErrorPage error={error} />;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ErrorView error={this.state.error} />;
    return this.props.children;
  }
}
