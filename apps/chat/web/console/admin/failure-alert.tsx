import { t } from '../i18n/i18n';

/** What a service answered when it refused, where the admin is looking. */
export function FailureAlert({ failure }: { failure: string | null }) {
  return failure ? <p role="alert">{t('error.generic', { message: failure })}</p> : null;
}
