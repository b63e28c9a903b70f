import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';
import { MarkdownView } from '../markdown-view';

interface Announcement {
  id: string;
  title: string;
  text: string;
  publishedFrom: string;
  link: string | null;
}

/** The team's news, newest first; showing them marks them read (the launcher's badge goes). */
export function AnnouncementsView({ onUnread }: { onUnread(count: number): void }) {
  const { t, language, visitorId, contactToken } = usePanel();
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);

  useEffect(() => {
    requestJson<{ items: Announcement[] }>(`announcements?language=${language}&limit=5`).then(
      ({ items }) => {
        setAnnouncements(items);
        if (items.length === 0) return;
        // A contact is counted by its token, the same on every device; an anonymous visitor by the loader's id.
        const body = contactToken ? { readUpTo: items[0]!.publishedFrom } : { visitorId, readUpTo: items[0]!.publishedFrom };
        requestJson('announcements/read-mark', { method: 'PUT', token: contactToken, body }).then(
          () => onUnread(0),
          () => undefined,
        );
      },
      () => undefined,
    );
  }, [language, visitorId, contactToken]);

  if (announcements.length === 0) return null;
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="news-title">
      <h2 id="news-title">{t('announcements.title')}</h2>
      <ul class="news">
        {announcements.map((announcement) => (
          <li key={announcement.id}>
            <h3>{announcement.title}</h3>
            <p class="note">
              <time dateTime={announcement.publishedFrom}>{dates.format(new Date(announcement.publishedFrom))}</time>
            </p>
            <MarkdownView text={announcement.text} headingOffset={3} />
            {announcement.link && (
              <a href={announcement.link} target="_blank" rel="noopener noreferrer">
                {t('announcements.more')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
