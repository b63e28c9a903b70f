import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { setPassword } from './session';
import { TextField } from '../../help-center/panel/fields';
import { SessionForm } from './session-form';

/** Where an invited agent's mailed link leads: the link's token and a new password go to identity, then on to sign-in. */
export function SetPasswordPage({ identityUrl }: { identityUrl: string }) {
  const token = new URLSearchParams(location.search).get('token');
  const [password, setPasswordValue] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = () => {
    setFailure(null);
    setPassword(identityUrl, token!, password)
      .then(() => setDone(true))
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <SessionForm title={t('setPassword.title')} onSubmit={submit}>
      {!token && <p role="alert">{t('setPassword.noToken')}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {done ? (
        <p role="status">
          {t('setPassword.done')} <a href="./">{t('signIn.submit')}</a>
        </p>
      ) : (
        <>
          <p>{t('setPassword.intro')}</p>
          <TextField
            required
            id="new-password"
            label={t('signIn.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPasswordValue}
          />
          <button type="submit" class="primary" disabled={!token}>
            {t('setPassword.submit')}
          </button>
        </>
      )}
    </SessionForm>
  );
}
