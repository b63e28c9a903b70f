import { useEffect, useState } from 'preact/hooks';
import { downloadFile, requestJson } from '../api';
import { usePanel } from '../context';

interface PortalTicket {
  id: string;
  number: number;
  subject: string;
  status: string;
  messages: {
    id: string;
    author: { name: string; isYou: boolean };
    bodyText: string;
    createdAt: string;
    attachments: { id: string; filename: string; downloadPath: string | null }[];
  }[];
}

/** One ticket's public thread, with a reply box. */
export function TicketThreadView({ id, onBack }: { id: string; onBack(): void }) {
  const { t, language, config, contactToken } = usePanel();
  const [ticket, setTicket] = useState<PortalTicket | null>(null);
  const [reply, setReply] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const base = `${config.ticketsUrl}/portal/tickets`;

  const load = () =>
    requestJson<PortalTicket>(`${base}/${id}`, { token: contactToken }).then(setTicket, (error: Error) => setFailure(error.message));
  useEffect(() => void load(), [id, contactToken]);

  const send = (event: Event) => {
    event.preventDefault();
    if (!reply.trim()) return;
    requestJson<{ id: string }>(`${base}/${id}/replies`, { method: 'POST', token: contactToken, body: { body: reply.trim() } }).then(
      () => {
        setReply('');
        return load();
      },
      (error: Error) => setFailure(error.message),
    );
  };
  const download = (path: string, filename: string) =>
    downloadFile(`${config.ticketsUrl}${path}`, `Bearer ${contactToken}`, filename).catch((error: Error) => setFailure(error.message));
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div class="stack">
      <button type="button" class="link" onClick={onBack}>
        ← {t('account.back')}
      </button>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {ticket && (
        <>
          <h2>
            #{ticket.number} {ticket.subject}
          </h2>
          <p class={`status status-${ticket.status}`}>{t(`portalStatus.${ticket.status}` as 'portalStatus.open')}</p>
          <ol class="thread">
            {ticket.messages.map((message) => (
              <li key={message.id} class={message.author.isYou ? 'from-you' : 'from-team'}>
                <p class="author">
                  {message.author.isYou ? t('chat.you') : message.author.name} ·{' '}
                  <time dateTime={message.createdAt}>{dates.format(new Date(message.createdAt))}</time>
                </p>
                <p class="text">{message.bodyText}</p>
                {message.attachments.map(
                  (attachment) =>
                    attachment.downloadPath && (
                      <button
                        key={attachment.id}
                        type="button"
                        class="link file"
                        onClick={() => void download(attachment.downloadPath!, attachment.filename)}
                      >
                        📎 {attachment.filename}
                      </button>
                    ),
                )}
              </li>
            ))}
          </ol>
          {ticket.status !== 'closed' && (
            <form class="stack" onSubmit={send}>
              <label for="ticket-reply">{t('account.reply')}</label>
              <textarea id="ticket-reply" rows={4} value={reply} onInput={(event) => setReply(event.currentTarget.value)} />
              <button type="submit">{t('account.reply.submit')}</button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
