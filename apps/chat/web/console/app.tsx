import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n/i18n';
import { loadServices, Services } from './services';
import { SetPasswordPage } from './session/set-password-page';
import { SignInPage } from './session/sign-in-page';
import { useSession } from './session/use-session';
import { Shell } from './shell';

/** The console: where services answer, then the set-password page of an invitation link, sign-in, or the console itself. */
export function App() {
  const [services, setServices] = useState<Services | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    document.title = t('app.title');
    loadServices()
      .then(setServices)
      .catch((error: Error) => setFailure(error.message));
  }, []);
  const session = useSession(services?.identity ?? null);

  if (failure) return <p role="alert">{t('error.generic', { message: failure })}</p>;
  if (!services) return <p role="status">{t('app.loading')}</p>;
  if (location.pathname.endsWith('/set-password')) return <SetPasswordPage identityUrl={services.identity} />;
  if (!session.accessToken) return <SignInPage ended={session.ended} signIn={session.signIn} />;
  return <Shell services={services} accessToken={session.accessToken} signOut={session.signOut} />;
}
