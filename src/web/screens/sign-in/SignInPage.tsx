import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { SignInForm } from './SignInForm';

/** Only paths inside this app are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  if (session.view?.user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <div className="mx-auto max-w-lg">
      <Page title={t.signIn.title} lead={t.signIn.lead}>
        <SignInForm />
        <p className="mt-6 text-dns-16N-130 text-solid-gray-700">{t.signIn.help}</p>
      </Page>
    </div>
  );
}
