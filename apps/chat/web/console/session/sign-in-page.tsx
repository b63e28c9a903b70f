import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';

/** The agent's email and password; identity answers the session (and slows down or refuses repeated failures). */
export function SignInPage({ ended, signIn }: { ended: boolean; signIn(email: string, password: string): Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    signIn(email, password)
      .catch((error: Error) => setFailure(error.message))
      .finally(() => setBusy(false));
  };
  return (
    <main class="centered">
      <form class="card stack" onSubmit={submit}>
        <h1>{t('signIn.title')}</h1>
        {ended && <p role="status">{t('signIn.expired')}</p>}
        {failure && <p role="alert">{t('signIn.failed', { message: failure })}</p>}
        <label for="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          required
          autoComplete="username"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
