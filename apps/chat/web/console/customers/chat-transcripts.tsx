import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ServiceCall } from '../services';
import type { Page } from '../tickets/ticket-types';
import type { ChatTranscript, ChatTranscriptSummary } from './contact-types';

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The customer's past chats with the team: identity keeps the transcript of every conversation that reached a person
 * on the profile (they follow merges and go with an erasure), the latest first; one opens with its messages.
 */
export function ChatTranscripts({ contactId, identity }: { contactId: string; identity: ServiceCall }) {
  const [transcripts, setTranscripts] = useState<ChatTranscriptSummary[] | null>(null);
  const [opened, setOpened] = useState<ChatTranscript | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    identity<Page<ChatTranscriptSummary>>(`/contacts/${contactId}/chat-transcripts?limit=50`)
      .then(({ items }) => setTranscripts(items))
      .catch((error: Error) => setFailure(error.message));
  }, [contactId]);
  const open = (id: string) =>
    identity<ChatTranscript>(`/contacts/${contactId}/chat-transcripts/${id}`)
      .then(setOpened)
      .catch((error: Error) => setFailure(error.message));

  if (failure) return <p role="alert">{t('error.generic', { message: failure })}</p>;
  if (!transcripts) return <p role="status">{t('app.loading')}</p>;
  if (transcripts.length === 0) return <p>{t('transcripts.none')}</p>;
  return (
    <div class="stack">
      <ul class="tickets">
        {transcripts.map((transcript) => (
          <li key={transcript.id}>
            <button type="button" class="link" aria-pressed={opened?.id === transcript.id} onClick={() => void open(transcript.id)}>
              {t('transcripts.item', {
                when: when(transcript.startedAt),
                agents: transcript.agents.map((agent) => agent.name).join(', ') || '—',
                count: transcript.messageCount,
              })}
            </button>{' '}
            <span class="badge">{transcript.outcome}</span>
            {transcript.rating && <span class="badge">{t('transcripts.rating', { score: transcript.rating.score })}</span>}
          </li>
        ))}
      </ul>
      {opened && (
        <section aria-label={t('transcripts.opened', { when: when(opened.startedAt) })}>
          <ol class="thread">
            {opened.entries.map((entry) => (
              <li key={entry.sequence} class="message">
                <p class="head">
                  <strong>{entry.authorName}</strong> <span class="when">{when(entry.sentAt)}</span>
                </p>
                <p class="body">{entry.text}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
