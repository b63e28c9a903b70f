import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { ServiceCall, serviceCall, Services } from '../services';
import type { Page } from '../tickets/ticket-types';
import { useAdminPage } from './use-admin-page';
import { AdminOutcome } from './admin-outcome';
import { AdminTable } from './admin-table';
import { StatusNotices } from './status-notices';

/** An announcement as chat answers admins (apps/chat/src/announcements/announcement.dto.ts). */
interface Announcement {
  id: string;
  title: string;
  text: string;
  publishedFrom: string;
  language: string | null;
  link: string | null;
  published: boolean;
}

type AnnouncementFields = Pick<Announcement, 'title' | 'text' | 'publishedFrom' | 'language' | 'link'>;

/** A moment as a `datetime-local` input shows it: the browser's local time, to the minute. */
function localInputValue(iso: string): string {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** What the help center tells customers: product announcements (scheduled or shown) and service incidents. */
export function AnnouncementsPage({ services, accessToken }: { services: Services; accessToken: string }) {
  const chat = serviceCall(services.chat, accessToken);
  return (
    <>
      <Announcements chat={chat} />
      <StatusNotices chat={chat} />
    </>
  );
}

function Announcements({ chat }: { chat: ServiceCall }) {
  const announcements = useAdminPage(() => chat<Page<Announcement>>('/announcements?limit=100'));
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);
  return (
    <section class="stack" aria-labelledby="announcements-title">
      <h3 id="announcements-title">{t('announcements.heading')}</h3>
      <AdminOutcome failure={announcements.failure} notice={announcements.notice} />
      <AdminTable
        items={announcements.data?.items}
        none={t('announcements.none')}
        headings={[t('announcements.title'), t('announcements.from'), t('announcements.language'), t('admin.state'), t('admin.actions')]}
        row={(announcement) => (
          <tr key={announcement.id}>
            <td>{announcement.title}</td>
            <td>{new Date(announcement.publishedFrom).toLocaleString()}</td>
            <td>{announcement.language ?? t('announcements.everyLanguage')}</td>
            <td>{announcement.published ? t('announcements.shown') : t('announcements.scheduled')}</td>
            <td class="row-actions">
              <button
                type="button"
                onClick={() => setEditing(announcement)}
                aria-label={t('admin.editNamed', { name: announcement.title })}
              >
                {t('admin.edit')}
              </button>
              <button
                type="button"
                onClick={() =>
                  void announcements.change(
                    () => chat(`/announcements/${announcement.id}`, { method: 'DELETE' }),
                    t('admin.deleted', { name: announcement.title }),
                  )
                }
                aria-label={t('admin.deleteNamed', { name: announcement.title })}
              >
                {t('admin.delete')}
              </button>
            </td>
          </tr>
        )}
      />
      {editing === null ? (
        <p>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('announcements.add')}
          </button>
        </p>
      ) : (
        <AnnouncementForm
          key={editing === 'new' ? 'new' : editing.id}
          announcement={editing === 'new' ? null : editing}
          save={(body) =>
            announcements.change(
              () =>
                editing === 'new'
                  ? chat('/announcements', { method: 'POST', body })
                  : chat(`/announcements/${editing.id}`, { method: 'PATCH', body }),
              t('admin.saved'),
            )
          }
          close={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function AnnouncementForm({
  announcement,
  save,
  close,
}: {
  announcement: Announcement | null;
  save(body: AnnouncementFields): Promise<boolean>;
  close(): void;
}) {
  const [title, setTitle] = useState(announcement?.title ?? '');
  const [text, setText] = useState(announcement?.text ?? '');
  const [publishedFrom, setPublishedFrom] = useState(localInputValue(announcement?.publishedFrom ?? new Date().toISOString()));
  const [language, setLanguage] = useState(announcement?.language ?? '');
  const [link, setLink] = useState(announcement?.link ?? '');
  const submit = (event: Event) => {
    event.preventDefault();
    const body = {
      title,
      text,
      publishedFrom: new Date(publishedFrom).toISOString(),
      language: language.trim() || null,
      link: link.trim() || null,
    };
    void save(body).then((saved) => saved && close());
  };
  return (
    <form class="fields stack" onSubmit={submit} aria-labelledby="announcement-form-title">
      <h4 id="announcement-form-title">{announcement ? t('admin.editNamed', { name: announcement.title }) : t('announcements.add')}</h4>
      <label>
        {t('announcements.title')}
        <input required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t('announcements.text')}
        <textarea required rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="filters">
        <label>
          {t('announcements.from')}
          <input type="datetime-local" required value={publishedFrom} onInput={(e) => setPublishedFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t('announcements.languageOptional')}
          <input maxLength={2} size={4} value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
        </label>
        <label>
          {t('announcements.link')}
          <input value={link} onInput={(e) => setLink(e.currentTarget.value)} />
        </label>
      </div>
      <div class="row-actions">
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
        <button type="button" onClick={close}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
