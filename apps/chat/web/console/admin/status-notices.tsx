import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { Page } from '../tickets/ticket-types';
import { useAdminPage } from './use-admin-page';
import { ServiceCall } from '../services';
import { AdminOutcome } from './admin-outcome';

/** What chat answers for an incident (apps/chat/src/status-notices/incident.dto.ts). */
const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
type IncidentStatus = (typeof incidentStatuses)[number];

interface Incident {
  id: string;
  title: string;
  feature: string;
  region: string | null;
  status: IncidentStatus;
  openedAt: string;
  resolvedAt: string | null;
  updates: { status: IncidentStatus; text: string; postedAt: string }[];
}

/**
 * Service incidents the help center's status page and banner show: opened, then moved on by dated updates until one
 * resolves it. Chat keeps every update and deletes none; it refuses a status moving backwards.
 */
export function StatusNotices({ chat }: { chat: ServiceCall }) {
  const incidents = useAdminPage(() => chat<Page<Incident>>('/status-notices/incidents?limit=50'));
  const [title, setTitle] = useState('');
  const [feature, setFeature] = useState('');
  const [region, setRegion] = useState('');
  const [text, setText] = useState('');

  const open = (event: Event) => {
    event.preventDefault();
    void incidents
      .change(
        () => chat('/status-notices/incidents', { method: 'POST', body: { title, feature, region: region.trim() || null, text } }),
        t('admin.saved'),
      )
      .then((opened) => opened && [setTitle, setFeature, setRegion, setText].forEach((clear) => clear('')));
  };
  return (
    <section class="stack" aria-labelledby="incidents-title">
      <h3 id="incidents-title">{t('incidents.title')}</h3>
      <AdminOutcome failure={incidents.failure} notice={incidents.notice} />
      {incidents.data && incidents.data.items.length === 0 && <p>{t('incidents.none')}</p>}
      <ul class="organizations">
        {incidents.data?.items.map((incident) => (
          <IncidentItem
            key={incident.id}
            incident={incident}
            postUpdate={(update) =>
              incidents.change(
                () => chat(`/status-notices/incidents/${incident.id}/updates`, { method: 'POST', body: update }),
                t('admin.saved'),
              )
            }
          />
        ))}
      </ul>
      <form class="fields stack" onSubmit={open} aria-labelledby="incident-form-title">
        <h4 id="incident-form-title">{t('incidents.open')}</h4>
        <div class="filters">
          <label>
            {t('incidents.name')}
            <input required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            {t('incidents.feature')}
            <input required value={feature} onInput={(e) => setFeature(e.currentTarget.value)} />
          </label>
          <label>
            {t('incidents.region')}
            <input value={region} onInput={(e) => setRegion(e.currentTarget.value)} />
          </label>
        </div>
        <label>
          {t('incidents.firstUpdate')}
          <textarea required rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <p>
          <button type="submit" class="primary">
            {t('incidents.openSubmit')}
          </button>
        </p>
      </form>
    </section>
  );
}

function IncidentItem({
  incident,
  postUpdate,
}: {
  incident: Incident;
  postUpdate(update: { status: IncidentStatus; text: string }): Promise<boolean>;
}) {
  const [status, setStatus] = useState<IncidentStatus>(incident.status);
  const [text, setText] = useState('');
  const post = (event: Event) => {
    event.preventDefault();
    void postUpdate({ status, text }).then((posted) => posted && setText(''));
  };
  return (
    <li class="fields">
      <h4>
        {incident.title} <span class="badge">{t(`incidents.status.${incident.status}`)}</span>
      </h4>
      <p class="muted">
        {incident.region ? `${incident.feature} · ${incident.region}` : incident.feature} ·{' '}
        {t('incidents.openedAt', { when: new Date(incident.openedAt).toLocaleString() })}
      </p>
      <ol class="history">
        {incident.updates.map((update) => (
          <li key={update.postedAt}>
            <span class="when">{new Date(update.postedAt).toLocaleString()}</span> {t(`incidents.status.${update.status}`)}: {update.text}
          </li>
        ))}
      </ol>
      {incident.resolvedAt === null && (
        <form class="filters" onSubmit={post} aria-label={t('incidents.updateNamed', { name: incident.title })}>
          <label>
            {t('incidents.status')}
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value as IncidentStatus)}>
              {incidentStatuses.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`incidents.status.${candidate}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('incidents.update')}
            <input required value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('incidents.post')}</button>
        </form>
      )}
    </li>
  );
}
