import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { setPassword } from './session';

/** Where an invited agent's mailed link leads: the link's token and a new password go to identity, then on to sign-in. */
export function SetPasswordPage({ identityUrl }: { identityUrl: string }) {
  const token = new URLSearchParams(location.search).get('token');
  const [password, setPasswordValue] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setPassword(identityUrl, token!, password)
      .then(() => setDone(true))
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <main class="centered">
      <form class="card stack" onSubmit={submit}>
        <h1>{t('setPassword.title')}</h1>
        {!token && <p role="alert">{t('setPassword.noToken')}</p>}
        {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
        {done ? (
          <p role="status">
            {t('setPassword.done')} <a href="./">{t('signIn.submit')}</a>
          </p>
        ) : (
          <>
            <p>{t('setPassword.intro')}</p>
            <label for="new-password">{t('signIn.password')}</label>
            <input
              id="new-password"
              type="password"
              required
              autoComplete="new-password"
              value={password}
              onInput={(e) => setPasswordValue(e.currentTarget.value)}
            />
            <button type="submit" class="primary" disabled={!token}>
              {t('setPassword.submit')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
