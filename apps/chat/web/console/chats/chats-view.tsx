import { useEffect, useState } from 'preact/hooks';
import { t, reasonInWords } from '../i18n/i18n';
import { waitedFor } from '../lib/waiting';
import type { Services } from '../services';
import { ChatPane } from './chat-pane';
import type { Desk } from './use-desk';

/** A clock for the waits shown, ticking every few seconds while the queue is on screen. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The queue on the side, the agent's chats side by side. */
export function ChatsView({ desk, services, accessToken }: { desk: Desk; services: Services; accessToken: string }) {
  const now = useNow(5_000);
  const [failure, setFailure] = useState<string | null>(null);
  const accept = (conversationId: string) => {
    setFailure(null);
    desk.accept(conversationId).catch((error: Error) => setFailure(error.message));
  };
  return (
    <main class="chats" id="chats">
      <section class="queue" aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t('queue.title')} <span class="count">{t('queue.count', { count: desk.queue.length })}</span>
        </h2>
        {failure && <p role="alert">{t('chat.failed', { message: failure })}</p>}
        {desk.queue.length === 0 ? (
          <p>{t('queue.empty')}</p>
        ) : (
          <ol class="entries">
            {desk.queue.map((entry) => (
              <li key={entry.conversationId}>
                <p class="preview">{entry.preview}</p>
                <p class="meta">
                  <span>{t('queue.waiting', { wait: waitedFor(entry.enqueuedAt, now) })}</span>
                  <span>{t('queue.language', { language: entry.language ?? t('queue.unknownLanguage') })}</span>
                  <span>{t('queue.reason', { reason: reasonInWords(entry.reason) })}</span>
                </p>
                <button type="button" class="primary" onClick={() => accept(entry.conversationId)}>
                  {t('queue.accept')}
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="open-chats" aria-labelledby="chats-title">
        <h2 id="chats-title">{t('chats.title')}</h2>
        {desk.chats.length === 0 ? (
          <p>{t('chats.none')}</p>
        ) : (
          <div class="panes">
            {desk.chats.map((chat) => (
              <ChatPane key={chat.conversation.id} chat={chat} desk={desk} services={services} accessToken={accessToken} />
            ))}
          </div>
        )}
      </section>
    </main>
  );
}
