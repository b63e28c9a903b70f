import { ApiError } from '../../help-center/panel/api';
import { t } from '../i18n/i18n';

/** Where an administration page says how its last change went: the service's refusal with its code and fields, or the notice. */
export function AdminOutcome({ failure, notice }: { failure: unknown; notice: string | null }) {
  if (failure instanceof ApiError)
    return (
      <div role="alert">
        <p>{t('admin.failed', { message: failure.message, code: failure.code })}</p>
        {failure.details.length > 0 && (
          <ul>
            {failure.details.map((detail) => (
              <li key={detail.path}>
                {detail.path}: {detail.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  if (failure) return <p role="alert">{t('error.generic', { message: failure instanceof Error ? failure.message : String(failure) })}</p>;
  return notice ? <p role="status">{notice}</p> : null;
}
