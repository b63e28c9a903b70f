import { useEffect, useState } from 'preact/hooks';
import { attachmentError, AttachmentLimits } from '../../lib/ticket-form';
import { formatBytes } from '../../lib/wait-time';
import { downloadFile, encodeFile, requestJson } from '../api';
import { PickedFiles } from '../fields';
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
  const [files, setFiles] = useState<File[]>([]);
  const [limits, setLimits] = useState<AttachmentLimits | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const base = `${config.ticketsUrl}/portal/tickets`;

  const load = () =>
    requestJson<PortalTicket>(`${base}/${id}`, { token: contactToken }).then(setTicket, (error: Error) => setFailure(error.message));
  useEffect(() => void load(), [id, contactToken]);
  // A reply takes files within the ticket form's limits, checked here before anything is sent.
  useEffect(() => {
    requestJson<{ attachments: AttachmentLimits }>(`${config.ticketsUrl}/portal/ticket-form`, { token: contactToken }).then(
      ({ attachments }) => setLimits(attachments),
      () => undefined,
    );
  }, [config.ticketsUrl, contactToken]);
  const size = (bytes: number) => formatBytes(bytes, language);
  const filesError = limits && attachmentError(files, limits, size);

  const send = async (event: Event) => {
    event.preventDefault();
    if (!reply.trim() || filesError) return;
    try {
      const attachments = await Promise.all(files.map(encodeFile));
      await requestJson(`${base}/${id}/replies`, { method: 'POST', token: contactToken, body: { body: reply.trim(), attachments } });
      setReply('');
      setFiles([]);
      await load();
    } catch (error) {
      setFailure((error as Error).message);
    }
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
            <form class="stack" onSubmit={(event) => void send(event)}>
              <label for="ticket-reply">{t('account.reply')}</label>
              <textarea id="ticket-reply" rows={4} value={reply} onInput={(event) => setReply(event.currentTarget.value)} />
              <label for="reply-files">{t('chat.attach')}</label>
              <input
                id="reply-files"
                type="file"
                multiple
                aria-describedby={filesError ? 'reply-files-error' : undefined}
                onChange={(event) => {
                  setFiles([...files, ...Array.from(event.currentTarget.files ?? [])]);
                  event.currentTarget.value = '';
                }}
              />
              <PickedFiles
                files={files}
                describe={(file) => `${file.name} (${size(file.size)})`}
                onRemove={(index) => setFiles(files.filter((_, position) => position !== index))}
              />
              {filesError && (
                <p class="field-error" id="reply-files-error" role="alert">
                  {t(filesError.key, filesError.values)}
                </p>
              )}
              <button type="submit">{t('account.reply.submit')}</button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
