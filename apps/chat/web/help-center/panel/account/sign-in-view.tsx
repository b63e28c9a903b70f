import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { PortalSession, usePanel } from '../context';
import { TextField } from '../fields';

type Step = 'sign-in' | 'forgot' | 'set-password';

/** Signing in with the portal account, asking for a reset link, and choosing a password from a mailed link. */
export function SignInView({ identityUrl }: { identityUrl: string }) {
  const { t, signedIn } = usePanel();
  const linkToken = new URLSearchParams(location.search).get('token');
  const [step, setStep] = useState<Step>(location.pathname.endsWith('/set-password') && linkToken ? 'set-password' : 'sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = (work: Promise<unknown>) => {
    setFailure(null);
    work.catch((error: Error) => setFailure(error.message));
  };
  const signIn = (event: Event) => {
    event.preventDefault();
    run(requestJson<PortalSession>(`${identityUrl}/auth/contacts/sign-in`, { method: 'POST', body: { email, password } }).then(signedIn));
  };
  const forgot = (event: Event) => {
    event.preventDefault();
    run(
      requestJson(`${identityUrl}/auth/password-resets`, { method: 'POST', body: { email, accountType: 'contact' } }).then(() =>
        setNotice(t('account.reset.sent', { email })),
      ),
    );
  };
  const choose = (event: Event) => {
    event.preventDefault();
    run(
      requestJson(`${identityUrl}/auth/password`, { method: 'POST', body: { token: linkToken, password } }).then(() => {
        setNotice(t('account.setPassword.done'));
        setPassword('');
        setStep('sign-in');
      }),
    );
  };

  const emailField = (
    <TextField id="account-email" type="email" required label={t('account.email')} autoComplete="email" value={email} onValue={setEmail} />
  );
  const passwordField = (autoComplete: string) => (
    <TextField
      id="account-password"
      type="password"
      required
      label={t('account.password')}
      autoComplete={autoComplete}
      value={password}
      onValue={setPassword}
    />
  );
  return (
    <div class="stack">
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {step === 'sign-in' && (
        <form class="stack" onSubmit={signIn}>
          <h2>{t('account.signIn')}</h2>
          {emailField}
          {passwordField('current-password')}
          <button type="submit">{t('account.submit')}</button>
          <button type="button" class="link" onClick={() => setStep('forgot')}>
            {t('account.forgot')}
          </button>
        </form>
      )}
      {step === 'forgot' && (
        <form class="stack" onSubmit={forgot}>
          <h2>{t('account.forgot')}</h2>
          {emailField}
          <button type="submit">{t('account.reset')}</button>
          <button type="button" class="link" onClick={() => setStep('sign-in')}>
            {t('account.back')}
          </button>
        </form>
      )}
      {step === 'set-password' && (
        <form class="stack" onSubmit={choose}>
          <h2>{t('account.setPassword')}</h2>
          {passwordField('new-password')}
          <button type="submit">{t('account.setPassword.submit')}</button>
        </form>
      )}
    </div>
  );
}
