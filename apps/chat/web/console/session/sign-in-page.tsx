import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { TextField } from '../../help-center/panel/fields';
import { SessionForm } from './session-form';

/** The agent's email and password; identity answers the session (and slows down or refuses repeated failures). */
export function SignInPage({ ended, signIn }: { ended: boolean; signIn(email: string, password: string): Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = () => {
    setBusy(true);
    setFailure(null);
    signIn(email, password)
      .catch((error: Error) => setFailure(error.message))
      .finally(() => setBusy(false));
  };
  return (
    <SessionForm title={t('signIn.title')} onSubmit={submit}>
      {ended && <p role="status">{t('signIn.expired')}</p>}
      {failure && <p role="alert">{t('signIn.failed', { message: failure })}</p>}
      <TextField
        required
        id="sign-in-email"
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        value={email}
        onValue={setEmail}
      />
      <TextField
        required
        id="sign-in-password"
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </SessionForm>
  );
}
