import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { serviceCall, Services } from '../services';
import { AdminOutcome } from './admin-outcome';

/** What identity answers for an import (apps/identity/src/contact-imports/contact-import.dto.ts). */
interface ImportReport {
  id: string;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  unknownColumns: string[];
  rows: {
    line: number;
    email: string | null;
    outcome: 'created' | 'updated' | 'unchanged' | 'refused';
    contactId?: string;
    reason?: string;
  }[];
}

/** Contacts imported from a CSV file: identity reads every row and answers what became of each, refusals with the reason. */
export function ContactImportPage({ services, accessToken }: { services: Services; accessToken: string }) {
  const identity = serviceCall(services.identity, accessToken);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const upload = (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setFailure(null);
    setBusy(true);
    identity<ImportReport>('/contacts/imports', { method: 'POST', file: { contentType: 'text/csv', content: file } })
      .then(setReport)
      .catch(setFailure)
      .finally(() => setBusy(false));
  };
  return (
    <>
      <p class="muted">{t('import.columns')}</p>
      <form class="filters" onSubmit={upload}>
        <label>
          {t('import.file')}
          <input type="file" accept=".csv,text/csv" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {t('import.submit')}
        </button>
      </form>
      <AdminOutcome failure={failure} notice={null} />
      {report && (
        <section aria-labelledby="import-report-title" class="fields">
          <h3 id="import-report-title">{t('import.report')}</h3>
          <p role="status">
            {t('import.counts', { created: report.created, updated: report.updated, unchanged: report.unchanged, refused: report.refused })}
          </p>
          {report.unknownColumns.length > 0 && <p>{t('import.unknownColumns', { columns: report.unknownColumns.join(', ') })}</p>}
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.email')}</th>
                <th scope="col">{t('import.outcome')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.contactId ? <a href={`#customers/${row.contactId}`}>{row.email}</a> : row.email}</td>
                  <td>{t(`import.outcome.${row.outcome}`)}</td>
                  <td>{row.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
