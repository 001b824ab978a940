import { useSession } from '../../api/session';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After an administrator's reset or a new account: nothing else opens until this is done. */
export function ForcedPasswordChangePage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Page title={t.account.forcedTitle} lead={t.account.forcedLead}>
      <ChangePasswordForm onChanged={() => void session.refresh()} />
    </Page>
  );
}
