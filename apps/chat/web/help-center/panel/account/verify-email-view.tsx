import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';

/** The page a mailed verification link opens (`/help-center/verify-email?token=`): identity checks the token. */
export function VerifyEmailView({ identityUrl, token }: { identityUrl: string; token: string }) {
  const { t } = usePanel();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => {
    requestJson(`${identityUrl}/auth/email-verifications`, { method: 'POST', body: { token } }).then(
      () => setOutcome({ ok: true, message: t('account.verifyEmail.done') }),
      (error: Error) => setOutcome({ ok: false, message: t('error.generic', { message: error.message }) }),
    );
  }, [identityUrl, token]);
  if (!outcome) return <p role="status">{t('account.verifyEmail.checking')}</p>;
  return <p role={outcome.ok ? 'status' : 'alert'}>{outcome.message}</p>;
}
