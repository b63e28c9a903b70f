import { useEffect, useRef, useState } from 'preact/hooks';
import { encodeFile } from '../api';
import { formatWait } from '../../lib/wait-time';
import { splitLinks } from '../../lib/text-links';
import { ChatFile, ChatMessage, streamingTexts } from '../../lib/transcript';
import { usePanel } from '../context';
import { NameAndEmail, NameAndEmailValue, PickedFiles } from '../fields';
import { Conversation, useChat } from './use-chat';

function MessageText({ text }: { text: string }) {
  const { openArticle } = usePanel();
  return (
    <p class="text">
      {splitLinks(text).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : part.articleId ? (
          <a
            key={index}
            href={part.href}
            onClick={(event) => {
              event.preventDefault();
              openArticle(part.articleId!);
            }}
          >
            {part.href}
          </a>
        ) : (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.href}
          </a>
        ),
      )}
    </p>
  );
}

function MessageView({ message, read, onDownload }: { message: ChatMessage; read: boolean; onDownload(file: ChatFile): void }) {
  const { t } = usePanel();
  const author =
    message.author === 'visitor'
      ? t('chat.you')
      : message.author === 'ai'
        ? t('chat.assistant')
        : message.author === 'agent'
          ? (message.authorName ?? t('chat.team'))
          : t('chat.system');
  return (
    <li class={`message from-${message.author}`}>
      <span class="author">{author}</span>
      {message.text && <MessageText text={message.text} />}
      {message.files.map((file) => (
        <button
          key={file.id}
          type="button"
          class="link file"
          aria-label={t('chat.file.download', { name: file.filename })}
          onClick={() => onDownload(file)}
        >
          📎 {file.filename}
        </button>
      ))}
      {read && <span class="read">{t('chat.read')}</span>}
    </li>
  );
}

function Rating({ onRate }: { onRate(score: number, comment: string): Promise<unknown> }) {
  const { t } = usePanel();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  if (done) return <p role="status">{t('chat.rated')}</p>;
  return (
    <form
      class="rating stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (score > 0)
          onRate(score, comment).then(
            () => setDone(true),
            () => setDone(true),
          );
      }}
    >
      <fieldset>
        <legend>{t('chat.rate')}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} class={value <= score ? 'star on' : 'star'}>
              <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} />
              <span aria-hidden="true">★</span>
              <span class="visually-hidden">{t('chat.rate.score', { score: value })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label for="rating-comment">{t('chat.rate.comment')}</label>
      <textarea id="rating-comment" rows={2} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
      <button type="submit" disabled={score === 0}>
        {t('chat.rate.submit')}
      </button>
    </form>
  );
}

function EmailForm({ reason, onSend }: { reason: string; onSend(email: string, name: string): Promise<unknown> }) {
  const { t } = usePanel();
  const [identity, setIdentity] = useState<NameAndEmailValue>({ name: '', email: '' });
  return (
    <form
      class="stack notice"
      onSubmit={(event) => {
        event.preventDefault();
        void onSend(identity.email, identity.name);
      }}
    >
      {reason === 'outside_business_hours' && <p>{t('chat.closed')}</p>}
      <p>{t('chat.email.required')}</p>
      <NameAndEmail idPrefix="escalation" value={identity} onChange={setIdentity} />
      <button type="submit">{t('chat.email.submit')}</button>
    </form>
  );
}

const isEnded = (conversation: Conversation | null) => conversation?.state === 'closed' || conversation?.state === 'escalated';

/** The chat: the AI agent's answers as they are written, a person on request, the queue, files, and the rating at the end. */
export function ChatView({ active }: { active: boolean }) {
  const { t, config, contactToken, goTo } = usePanel();
  const [identity, setIdentity] = useState<NameAndEmailValue>({ name: '', email: '' });
  const chat = useChat(contactToken);
  const [draft, setDraft] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const typingTimer = useRef<number | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  const { conversation, transcript } = chat;
  const ended = isEnded(conversation);
  const askIdentity = config.preChatForm && !contactToken && (!conversation || ended);
  const lastAgentSequence = transcript.messages.filter((message) => message.author !== 'visitor').at(-1)?.sequence ?? 0;
  const lastVisitorSequence = transcript.messages.filter((message) => message.author === 'visitor').at(-1)?.sequence ?? 0;

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [transcript]);
  useEffect(() => {
    if (active && document.visibilityState === 'visible') chat.read(lastAgentSequence);
  }, [active, lastAgentSequence]);

  const onInput = (value: string) => {
    setDraft(value);
    chat.typing(true);
    window.clearTimeout(typingTimer.current);
    typingTimer.current = window.setTimeout(() => chat.typing(false), 2000);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!draft.trim() && files.length === 0) return;
    setSending(true);
    chat.setFailure(null);
    try {
      window.clearTimeout(typingTimer.current);
      chat.typing(false);
      // Files go to an existing conversation: a first message without one starts it with the text alone.
      const fileIds = files.length > 0 && conversation && !ended ? await chat.upload(await Promise.all(files.map(encodeFile))) : [];
      await chat.send(draft.trim(), fileIds, askIdentity ? identity : undefined);
      setDraft('');
      setFiles([]);
    } catch (error) {
      chat.setFailure((error as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="chat stack" aria-labelledby="chat-title">
      <h2 id="chat-title" class="visually-hidden">
        {t('tabs.chat')}
      </h2>
      {!chat.connected && conversation && <p role="status">{t('chat.disconnected')}</p>}
      {!conversation && <p>{t('chat.intro')}</p>}
      <ol class="messages" ref={list} aria-live="polite" aria-relevant="additions">
        {transcript.messages.map((message) => (
          <MessageView
            key={message.sequence}
            message={message}
            read={message.author === 'visitor' && message.sequence === lastVisitorSequence && chat.agentReadUpTo >= message.sequence}
            onDownload={(file) => void chat.download(file).catch((error: Error) => chat.setFailure(error.message))}
          />
        ))}
        {streamingTexts(transcript).map(({ clientId, text }) => (
          <li key={clientId} class="message from-ai streaming">
            <span class="author">{t('chat.assistant')}</span>
            <MessageText text={text} />
          </li>
        ))}
      </ol>
      <div aria-live="polite" class="chat-status">
        {conversation?.state === 'assigned' && conversation.assignedAgent && (
          <p class="note">{t('chat.joined', { name: conversation.assignedAgent.name })}</p>
        )}
        {chat.queue && conversation?.state === 'queued' && (
          <p class="note">
            {t('chat.queue', { position: chat.queue.position })} {t('chat.wait', { wait: formatWait(chat.queue.estimatedWaitMs, t) })}
          </p>
        )}
        {chat.agentTyping && <p class="note">{t('chat.typing', { name: conversation?.assignedAgent?.name ?? t('chat.team') })}</p>}
        {chat.failure && <p role="alert">{t('error.generic', { message: chat.failure })}</p>}
      </div>
      {chat.emailRequired !== null && !ended && <EmailForm reason={chat.emailRequired} onSend={chat.identify} />}
      {chat.escalatedTo !== null && <p role="status">{t('chat.escalated', { email: chat.escalatedTo })}</p>}
      {ended ? (
        <div class="stack">
          <p role="status">{t('chat.ended')}</p>
          {conversation?.state === 'closed' && <Rating onRate={chat.rate} />}
          <button type="button" onClick={chat.startOver}>
            {t('chat.new')}
          </button>
        </div>
      ) : (
        <form class="composer stack" onSubmit={(event) => void submit(event)}>
          {askIdentity && <NameAndEmail idPrefix="chat" value={identity} onChange={setIdentity} />}
          <label for="chat-message" class="visually-hidden">
            {t('chat.message')}
          </label>
          <textarea
            id="chat-message"
            rows={2}
            value={draft}
            placeholder={t('chat.message')}
            onInput={(event) => onInput(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) void submit(event);
            }}
          />
          <PickedFiles
            files={files}
            describe={(file) => file.name}
            onRemove={(index) => setFiles(files.filter((_, position) => position !== index))}
          />
          <div class="row">
            {conversation && (
              <label class="button secondary">
                {t('chat.attach')}
                <input
                  type="file"
                  multiple
                  class="visually-hidden"
                  onChange={(event) => setFiles([...files, ...Array.from(event.currentTarget.files ?? [])])}
                />
              </label>
            )}
            <button type="submit" disabled={sending}>
              {t('chat.send')}
            </button>
          </div>
          {conversation?.state === 'bot' && (
            <button
              type="button"
              class="secondary"
              onClick={() => void chat.requestPerson().catch((error: Error) => chat.setFailure(error.message))}
            >
              {t('chat.person')}
            </button>
          )}
          <button type="button" class="link" onClick={() => goTo('ticket')}>
            {t('chat.ticket.offer')}
          </button>
          {conversation && (
            <button type="button" class="link" onClick={() => void chat.close()}>
              {t('chat.end')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
