import { useEffect, useState } from 'preact/hooks';
import { encodeFile } from '../../help-center/panel/api';
import { lastSequence } from '../../help-center/lib/transcript';
import { t } from '../i18n/i18n';
import { authorOf } from '../lib/authors';
import { asAgent, Services } from '../services';
import { ContactSummary } from './contact-summary';
import type { OpenChat } from './desk-types';
import type { Desk } from './use-desk';

/** Why a chat is no longer the agent's to answer. */
function whereItStands(conversation: OpenChat['conversation']): string {
  if (conversation.state === 'awaiting_email') return t('chat.awaitingEmail');
  if (conversation.state === 'queued') return t('chat.requeued');
  if (conversation.state === 'assigned') return t('chat.handedOn', { name: conversation.assignedAgent?.name ?? '' });
  return t('chat.ended', { outcome: conversation.outcome ?? conversation.state });
}

interface Colleague {
  id: string;
  name: string;
  active: boolean;
}

const authorWords = () => ({ visitor: t('chat.visitor'), agent: t('chat.agent'), ai: t('chat.ai'), system: t('chat.system') });

/** One chat: the whole conversation (the AI agent's part marked), the contact beside it, the reply box and the actions. */
export function ChatPane({ chat, desk, services, accessToken }: { chat: OpenChat; desk: Desk; services: Services; accessToken: string }) {
  const { conversation, transcript } = chat;
  const id = conversation.id;
  const visitorName = conversation.visitor.name ?? conversation.visitor.email;
  const title = visitorName ?? t('chat.visitor');
  const mine = desk.isMine(chat);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // A new file input after each reply: the browser keeps a picked file's name in the old one.
  const [fileInput, setFileInput] = useState(0);
  const [transferTo, setTransferTo] = useState('');
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    asAgent<{ items: Colleague[] }>(`${services.identity}/agents?limit=100`, accessToken)
      .then(({ items }) => setColleagues(items.filter((agent) => agent.active && agent.id !== conversation.assignedAgent?.id)))
      .catch(() => setColleagues([]));
  }, []);

  const seen = lastSequence(transcript);
  useEffect(() => {
    if (mine) desk.read(id, seen);
  }, [seen, mine]);

  const run = (work: () => Promise<unknown>) => {
    setFailure(null);
    work().catch((error: Error) => setFailure(error.message));
  };
  const send = (event: Event) => {
    event.preventDefault();
    if (!text.trim() && files.length === 0) return;
    run(async () => {
      const fileIds = files.length ? await desk.upload(id, await Promise.all(files.map(encodeFile))) : [];
      await desk.send(id, text, fileIds);
      setText('');
      setFiles([]);
      setFileInput((input) => input + 1);
      desk.typing(id, false);
    });
  };

  return (
    <article class="pane" aria-label={t('chat.label', { name: title })}>
      <header>
        <h3>{title}</h3>
        {conversation.language && <span class="badge">{conversation.language}</span>}
      </header>
      <div class="pane-body">
        <div class="conversation">
          <ol class="messages" aria-live="polite">
            {transcript.messages.map((message) => (
              <li key={message.sequence} class={`from-${message.author}`}>
                <span class="author">
                  {authorOf(message, visitorName, authorWords())}
                  {message.author === 'ai' && <span class="badge ai">{t('chat.aiPart')}</span>}
                </span>
                <span class="text">{message.text}</span>
                {message.files.map((file) => (
                  <button key={file.id} type="button" class="link" onClick={() => run(() => desk.download(file))}>
                    {file.filename}
                  </button>
                ))}
              </li>
            ))}
          </ol>
          {chat.visitorTyping && <p class="typing">{t('chat.typing', { name: title })}</p>}
          {failure && <p role="alert">{t('chat.failed', { message: failure })}</p>}
          {mine ? (
            <>
              <form class="composer" onSubmit={send}>
                <label for={`reply-${id}`}>{t('chat.reply')}</label>
                <textarea
                  id={`reply-${id}`}
                  rows={3}
                  value={text}
                  onInput={(event) => {
                    setText(event.currentTarget.value);
                    desk.typing(id, event.currentTarget.value.length > 0);
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.shiftKey) send(event);
                  }}
                />
                <label class="files">
                  {t('chat.attach')}
                  <input key={fileInput} type="file" multiple onChange={(event) => setFiles([...(event.currentTarget.files ?? [])])} />
                </label>
                {files.length > 0 && <span>{t('chat.attached', { count: files.length })}</span>}
                <button type="submit" class="primary">
                  {t('chat.send')}
                </button>
              </form>
              <div class="actions">
                <label>
                  {t('chat.transfer')}
                  <select value={transferTo} onChange={(event) => setTransferTo(event.currentTarget.value)}>
                    <option value="">{t('chat.transferQueue')}</option>
                    {colleagues.map((colleague) => (
                      <option key={colleague.id} value={colleague.id}>
                        {colleague.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={() => run(() => desk.transfer(id, transferTo || null))}>
                  {t('chat.transferSubmit')}
                </button>
                <button type="button" onClick={() => run(() => desk.escalate(id))}>
                  {t('chat.escalate')}
                </button>
                <button type="button" onClick={() => run(() => desk.close(id))}>
                  {t('chat.close')}
                </button>
              </div>
            </>
          ) : conversation.state === 'bot' ? (
            <p role="status">
              {t('live.watching')}{' '}
              <button type="button" class="primary" onClick={() => run(() => desk.takeOver(id))}>
                {t('live.takeOver')}
              </button>{' '}
              <button type="button" onClick={() => run(() => desk.stopWatching(id))}>
                {t('live.stopWatching')}
              </button>
            </p>
          ) : (
            <p role="status">
              {whereItStands(conversation)}{' '}
              <button type="button" onClick={() => desk.dismiss(id)}>
                {t('chat.dismiss')}
              </button>
            </p>
          )}
        </div>
        <ContactSummary visitor={conversation.visitor} services={services} accessToken={accessToken} />
      </div>
    </article>
  );
}
