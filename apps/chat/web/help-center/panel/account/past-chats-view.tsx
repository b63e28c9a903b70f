import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';

interface TranscriptSummary {
  id: string;
  agents: { name: string }[];
  messageCount: number;
  startedAt: string;
}

interface Transcript extends TranscriptSummary {
  entries: { sequence: number; author: string; authorName: string; text: string }[];
}

/** The customer's conversations with the team, as identity recorded them on its profile. */
export function PastChatsView({ identityUrl }: { identityUrl: string }) {
  const { t, language, contactToken } = usePanel();
  const [items, setItems] = useState<TranscriptSummary[] | null>(null);
  const [open, setOpen] = useState<Transcript | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    requestJson<{ items: TranscriptSummary[] }>(`${identityUrl}/me/chat-transcripts`, { token: contactToken }).then(
      ({ items: found }) => setItems(found),
      (error: Error) => setFailure(error.message),
    );
  }, [identityUrl, contactToken]);

  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  if (open) {
    return (
      <div class="stack">
        <button type="button" class="link" onClick={() => setOpen(null)}>
          ← {t('account.back')}
        </button>
        <ol class="messages">
          {open.entries.map((entry) => (
            <li key={entry.sequence} class={`message from-${entry.author}`}>
              <span class="author">{entry.author === 'visitor' ? t('chat.you') : entry.authorName}</span>
              <p class="text">{entry.text}</p>
            </li>
          ))}
        </ol>
      </div>
    );
  }
  return (
    <div class="stack">
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {items?.length === 0 && <p>{t('account.none')}</p>}
      <ul class="tickets">
        {items?.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              class="link"
              onClick={() =>
                void requestJson<Transcript>(`${identityUrl}/me/chat-transcripts/${item.id}`, { token: contactToken }).then(
                  setOpen,
                  (error: Error) => setFailure(error.message),
                )
              }
            >
              <time dateTime={item.startedAt}>{dates.format(new Date(item.startedAt))}</time>
              {item.agents.length > 0 && ` · ${item.agents.map((agent) => agent.name).join(', ')}`}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
