import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { asAgent, Services } from '../services';
import { AuditEntry, Page, ticketPriorities, ticketStatuses, TicketAttachment, TicketDetail, TicketMessage } from './ticket-types';

interface Agent {
  id: string;
  name: string;
  active: boolean;
}

interface Priority {
  id: string;
  name: string;
  description: string;
}

interface Department {
  id: string;
  name: string;
  active: boolean;
  features: { id: string; name: string; active: boolean }[];
}

interface ReplyTemplate {
  id: string;
  name: string;
  subject: string | null;
  body: string;
}

const failedCheck = (result: string) => result === 'fail' || result === 'softfail' || result === 'permerror';

/** One ticket: its fields, its thread (public and internal apart), the reply box with templates, and its history. */
export function TicketView({ id, services, accessToken }: { id: string; services: Services; accessToken: string }) {
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [priorities, setPriorities] = useState<Priority[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const tickets = (path: string, options?: { method?: string; body?: unknown }) =>
    asAgent<TicketDetail>(`${services.tickets}${path}`, accessToken, options);

  const previewReply: PreviewReply = (input) =>
    asAgent<ReplyPreview>(`${services.tickets}/tickets/${id}/replies/preview`, accessToken, { method: 'POST', body: input });

  const show = (detail: TicketDetail) => {
    setTicket(detail);
    asAgent<Page<AuditEntry>>(`${services.tickets}/tickets/${id}/audit?limit=50`, accessToken)
      .then(({ items }) => setHistory(items))
      .catch(() => setHistory([]));
  };
  useEffect(() => {
    tickets(`/tickets/${id}`)
      .then(show)
      .catch((error: Error) => setFailure(error.message));
    asAgent<{ items: Agent[] }>(`${services.identity}/agents?limit=100`, accessToken)
      .then(({ items }) => setAgents(items.filter((agent) => agent.active)))
      .catch(() => setAgents([]));
    asAgent<Priority[]>(`${services.tickets}/priorities`, accessToken)
      .then(setPriorities)
      .catch(() => setPriorities([]));
    asAgent<Department[]>(`${services.tickets}/categories`, accessToken)
      .then(setDepartments)
      .catch(() => setDepartments([]));
    asAgent<{ items: ReplyTemplate[] }>(`${services.tickets}/reply-templates?limit=100`, accessToken)
      .then(({ items }) => setTemplates(items))
      .catch(() => setTemplates([]));
  }, [id]);

  const run = (work: () => Promise<TicketDetail>) => {
    setFailure(null);
    setSaved(false);
    return work()
      .then((detail) => {
        show(detail);
        return true;
      })
      .catch((error: Error) => {
        setFailure(error.message);
        return false;
      });
  };

  if (!ticket)
    return (
      <main class="ticket-page">
        {failure ? <p role="alert">{t('error.generic', { message: failure })}</p> : <p role="status">{t('app.loading')}</p>}
      </main>
    );
  return (
    <main class="ticket-page" id="tickets">
      <p>
        <a href="#tickets">{t('ticket.back')}</a>
      </p>
      <h2>
        #{ticket.number} {ticket.subject}
      </h2>
      <p class="meta">
        {t('ticket.requester')}: {ticket.requester.name} {ticket.requester.email && `<${ticket.requester.email}>`} ·{' '}
        {t('ticket.organization')}: {ticket.organization.name} · {ticket.channel}
        {ticket.linkedTicket && (
          <>
            {' · '}
            <a href={`#tickets/${ticket.linkedTicket.id}`}>{t('ticket.linked', { kind: ticket.linkedTicket.kind })}</a>
          </>
        )}
      </p>
      {ticket.callbackRequest && <p class="notice">{t('ticket.callback', { phone: ticket.callbackRequest.phone })}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      <div class="ticket-layout">
        <div>
          <h3>{t('ticket.thread')}</h3>
          <ol class="thread">
            {ticket.messages.map((message) => (
              <ThreadMessage key={message.id} message={message} ticketId={ticket.id} services={services} accessToken={accessToken} />
            ))}
          </ol>
          <Composer ticket={ticket} templates={templates} run={run} tickets={tickets} previewReply={previewReply} />
        </div>
        <aside>
          <FieldsForm
            ticket={ticket}
            agents={agents}
            priorities={priorities}
            departments={departments}
            run={run}
            tickets={tickets}
            saved={saved}
            setSaved={setSaved}
          />
          <h3>{t('ticket.history')}</h3>
          <ol class="history">
            {history.map((entry) => (
              <li key={entry.id}>
                <span class="when">{new Date(entry.occurredAt).toLocaleString()}</span> {entry.action}
                {entry.actor.type !== 'system' && ` (${entry.actor.type})`}
                {entry.changes.map((change) => (
                  <span key={change.field} class="change">
                    {' '}
                    {change.field}: {String(change.from ?? '—')} → {String(change.to ?? '—')}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </main>
  );
}

type Run = (work: () => Promise<TicketDetail>) => Promise<boolean>;
type Tickets = (path: string, options?: { method?: string; body?: unknown }) => Promise<TicketDetail>;

function ThreadMessage({
  message,
  ticketId,
  services,
  accessToken,
}: {
  message: TicketMessage;
  ticketId: string;
  services: Services;
  accessToken: string;
}) {
  const auth = message.authentication;
  const [downloadFailure, setDownloadFailure] = useState<string | null>(null);
  const download = async (attachment: TicketAttachment) => {
    const url = {
      chat: attachment.downloadUrl!,
      tickets: `${services.tickets}/tickets/${ticketId}/attachments/${attachment.id}`,
      'email-ingest': `${services.emailIngest}/attachments/${attachment.id}`,
    }[attachment.storage];
    setDownloadFailure(null);
    const response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } }).catch(() => null);
    if (!response?.ok) {
      setDownloadFailure(t('ticket.downloadFailed', { filename: attachment.filename, status: response?.status ?? t('ticket.noAnswer') }));
      return;
    }
    const blobUrl = URL.createObjectURL(await response.blob());
    Object.assign(document.createElement('a'), { href: blobUrl, download: attachment.filename }).click();
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  };
  return (
    <li class={`message ${message.visibility}`}>
      <p class="head">
        <strong>{message.author.name}</strong>{' '}
        <span class="badge">{message.visibility === 'internal' ? t('ticket.internal') : t('ticket.public')}</span>{' '}
        <span class="when">{new Date(message.createdAt).toLocaleString()}</span>
        {message.delivery && <span class="badge">{t('ticket.delivery', { status: message.delivery.status })}</span>}
      </p>
      {auth && [auth.spf, auth.dkim, auth.dmarc].some(failedCheck) && <p class="warning">{t('ticket.authWarning', auth)}</p>}
      <p class="body">{message.bodyText}</p>
      {message.attachments.length > 0 && (
        <ul class="attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.id}>
              <button type="button" class="link" onClick={() => void download(attachment)}>
                {attachment.filename}
              </button>
            </li>
          ))}
        </ul>
      )}
      {downloadFailure && <p role="alert">{downloadFailure}</p>}
    </li>
  );
}

/** A reply's preview as tickets fills it in for the ticket (`POST /tickets/:id/replies/preview`). */
interface ReplyPreview {
  subject: string;
  text: string;
}

type PreviewReply = (input: { templateId: string; body?: string }) => Promise<ReplyPreview>;

/** How long the composer waits after the last keystroke before asking tickets for a new preview. */
const previewDelayMs = 300;

function Composer(props: { ticket: TicketDetail; templates: ReplyTemplate[]; run: Run; tickets: Tickets; previewReply: PreviewReply }) {
  const { ticket, templates, run, tickets, previewReply } = props;
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [preview, setPreview] = useState<ReplyPreview | { failure: string } | null>(null);
  useEffect(() => {
    if (!templateId) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      previewReply({ templateId, ...(body.trim() ? { body } : {}) })
        .then(setPreview)
        .catch((error: Error) => setPreview({ failure: error.message }));
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [templateId, body]);
  const done = (sent: boolean) => {
    if (!sent) return;
    setBody('');
    setTemplateId('');
  };
  const reply = () =>
    void run(() =>
      tickets(`/tickets/${ticket.id}/replies`, {
        method: 'POST',
        body: { ...(templateId ? { templateId } : {}), ...(body.trim() ? { body } : {}) },
      }),
    ).then(done);
  const note = () => void run(() => tickets(`/tickets/${ticket.id}/notes`, { method: 'POST', body: { body } })).then(done);
  return (
    <section class="composer" aria-labelledby={`compose-${ticket.id}`}>
      <h3 id={`compose-${ticket.id}`}>{t('ticket.compose')}</h3>
      <label>
        {t('ticket.template')}
        <select value={templateId} onChange={(event) => setTemplateId(event.currentTarget.value)}>
          <option value="">{t('ticket.noTemplate')}</option>
          {templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      {preview && (
        <figure class="preview" aria-live="polite">
          <figcaption>{t('ticket.preview')}</figcaption>
          {'failure' in preview ? (
            <p role="alert">{t('error.generic', { message: preview.failure })}</p>
          ) : (
            <>
              <p class="subject">{preview.subject}</p>
              <p class="body">{preview.text}</p>
            </>
          )}
        </figure>
      )}
      <label for={`body-${ticket.id}`}>{t('ticket.body')}</label>
      <textarea id={`body-${ticket.id}`} rows={5} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
      <div class="actions">
        <button type="button" class="primary" disabled={!body.trim() && !templateId} onClick={reply}>
          {t('ticket.reply')}
        </button>
        <button type="button" disabled={!body.trim()} onClick={note}>
          {t('ticket.note')}
        </button>
      </div>
    </section>
  );
}

function FieldsForm(props: {
  ticket: TicketDetail;
  agents: Agent[];
  priorities: Priority[];
  departments: Department[];
  run: Run;
  tickets: Tickets;
  saved: boolean;
  setSaved(saved: boolean): void;
}) {
  const { ticket, agents, priorities, departments, run, tickets } = props;
  const [status, setStatus] = useState(ticket.status);
  const [categoryId, setCategoryId] = useState(ticket.category?.id ?? '');
  const [priority, setPriority] = useState(ticket.priority);
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId ?? '');
  const [tags, setTags] = useState(ticket.tags.join(', '));
  const meaning = priorities.find((candidate) => candidate.id === priority)?.description;
  const save = (event: Event) => {
    event.preventDefault();
    const change = {
      ...(status !== ticket.status ? { status } : {}),
      ...(priority !== ticket.priority ? { priority } : {}),
      ...((assigneeId || null) !== ticket.assigneeId ? { assigneeId: assigneeId || null } : {}),
      ...((categoryId || null) !== (ticket.category?.id ?? null) ? { categoryId: categoryId || null } : {}),
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    };
    void run(() => tickets(`/tickets/${ticket.id}`, { method: 'PATCH', body: change })).then((ok) => props.setSaved(ok));
  };
  return (
    <form class="stack fields" aria-label={t('ticket.fields')} onSubmit={save}>
      <h3>{t('ticket.fields')}</h3>
      <label>
        {t('tickets.status')}
        <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
          {ticketStatuses.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tickets.priority')}
        <select value={priority} onChange={(event) => setPriority(event.currentTarget.value)} aria-describedby="priority-meaning">
          {ticketPriorities.map((value) => (
            <option key={value} value={value}>
              {priorities.find((candidate) => candidate.id === value)?.name ?? value}
            </option>
          ))}
        </select>
      </label>
      {meaning && (
        <p id="priority-meaning" class="muted">
          {meaning}
        </p>
      )}
      <label>
        {t('ticket.category')}
        <select value={categoryId} onChange={(event) => setCategoryId(event.currentTarget.value)}>
          <option value="">{t('ticket.noCategory')}</option>
          {departments.map((department) => (
            <optgroup key={department.id} label={department.name}>
              <option value={department.id}>{department.name}</option>
              {department.features.map((feature) => (
                <option key={feature.id} value={feature.id}>
                  {department.name} / {feature.name}
                </option>
              ))}
            </optgroup>
          ))}
          {ticket.category &&
            !departments.some(
              (department) =>
                department.id === ticket.category!.id || department.features.some((feature) => feature.id === ticket.category!.id),
            ) && <option value={ticket.category.id}>{ticket.category.path}</option>}
        </select>
      </label>
      <label>
        {t('tickets.assignee')}
        <select value={assigneeId} onChange={(event) => setAssigneeId(event.currentTarget.value)}>
          <option value="">{t('tickets.nobody')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ticket.tags')}
        <input value={tags} onInput={(event) => setTags(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t('ticket.save')}
      </button>
      {props.saved && <p role="status">{t('ticket.saved')}</p>}
    </form>
  );
}
