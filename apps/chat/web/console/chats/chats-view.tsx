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

/** The conversations the AI agent is having, which an agent may watch and take over. */
function LiveList({ desk, now }: { desk: Desk; now: number }) {
  const [failure, setFailure] = useState<string | null>(null);
  const open = new Set(desk.chats.map((chat) => chat.conversation.id));
  const watch = (conversation: Desk['live'][number]) => {
    setFailure(null);
    desk.watch(conversation).catch((error: Error) => setFailure(error.message));
  };
  return (
    <div class="live">
      <h2 id="live-title">
        {t('live.title')}{' '}
        <button type="button" class="small" onClick={() => void desk.refreshLive()}>
          {t('live.refresh')}
        </button>
      </h2>
      {failure && <p role="alert">{t('chat.failed', { message: failure })}</p>}
      {desk.live.length === 0 ? (
        <p>{t('live.none')}</p>
      ) : (
        <ul class="entries" aria-labelledby="live-title">
          {desk.live.map((conversation) => (
            <li key={conversation.id}>
              <p class="preview">{conversation.visitor.name ?? conversation.visitor.email ?? t('chat.visitor')}</p>
              <p class="meta">
                <span>{t('live.started', { wait: waitedFor(conversation.createdAt, now) })}</span>
                <span>{t('queue.language', { language: conversation.language ?? t('queue.unknownLanguage') })}</span>
              </p>
              <button type="button" onClick={() => watch(conversation)} disabled={open.has(conversation.id)}>
                {t('live.watch')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
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
        <LiveList desk={desk} now={now} />
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
