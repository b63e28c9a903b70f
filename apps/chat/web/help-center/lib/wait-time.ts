import type { Translate } from '../i18n/i18n';

/** The queue's estimated wait in words: rounded up to whole minutes, since "1 minute" that lasts two feels broken. */
export function formatWait(estimatedWaitMs: number | null, t: Translate): string {
  if (estimatedWaitMs === null) return t('wait.unknown');
  if (estimatedWaitMs < 60_000) return t('wait.lessThanMinute');
  const minutes = Math.ceil(estimatedWaitMs / 60_000);
  return minutes === 1 ? t('wait.minute') : t('wait.minutes', { count: minutes });
}

/** `1.5 MB`: sizes as people read them, in the panel's language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
