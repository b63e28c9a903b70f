import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ServiceCall } from '../services';
import type { Contact } from './contact-types';

/** Opening a ticket for the customer (tickets' `POST /tickets`), as when they write in themselves. */
export function NewTicketForm({ contact, tickets }: { contact: Contact; tickets: ServiceCall }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [created, setCreated] = useState<{ id: string; number: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const create = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setCreated(null);
    tickets<{ id: string; number: number }>('/tickets', { method: 'POST', body: { requester: { contactId: contact.id }, subject, body } })
      .then((ticket) => {
        setCreated(ticket);
        setSubject('');
        setBody('');
      })
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <form class="stack fields" aria-labelledby="new-ticket-title" onSubmit={create}>
      <h3 id="new-ticket-title">{t('newTicket.title')}</h3>
      <label>
        {t('newTicket.subject')}
        <input required value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </label>
      <label>
        {t('newTicket.body')}
        <textarea required rows={4} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t('newTicket.submit')}
      </button>
      {created && (
        <p role="status">
          {t('newTicket.created')} <a href={`#tickets/${created.id}`}>#{created.number}</a>
        </p>
      )}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
    </form>
  );
}

/** identity's one-time links: the portal password (which also verifies the primary address). */
export function AccessLinks({ contact, identity }: { contact: Contact; identity: ServiceCall }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const send = () => {
    setNotice(null);
    setFailure(null);
    identity(`/contacts/${contact.id}/password-link`, { method: 'POST' })
      .then(() => setNotice(t('access.sent', { email: contact.email })))
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <section class="stack fields" aria-labelledby="access-title">
      <h3 id="access-title">{t('access.title')}</h3>
      <p class="muted">{t('access.explain')}</p>
      <button type="button" onClick={send}>
        {t('access.send')}
      </button>
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
    </section>
  );
}

/** Erasing the customer's personal data (identity's `DELETE /contacts/:id`), only after a dialog that says what goes. */
export function DeleteCustomer({ contact, identity }: { contact: Contact; identity: ServiceCall }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  const erase = () => {
    setFailure(null);
    identity(`/contacts/${contact.id}`, { method: 'DELETE' })
      .then(() => {
        setOpen(false);
        location.hash = '#customers';
      })
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <section class="stack fields" aria-labelledby="delete-title">
      <h3 id="delete-title">{t('delete.title')}</h3>
      <button type="button" class="danger" onClick={() => setOpen(true)}>
        {t('delete.open')}
      </button>
      <dialog ref={dialog} aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-erased" onClose={() => setOpen(false)}>
        <h2 id="delete-dialog-title">{t('delete.confirmTitle', { name: contact.name })}</h2>
        <div id="delete-dialog-erased">
          <p>{t('delete.erased')}</p>
          <ul>
            <li>{t('delete.erasedProfile', { emails: contact.emailAddresses.map((address) => address.email).join(', ') })}</li>
            <li>{t('delete.erasedTickets')}</li>
            <li>{t('delete.erasedChats')}</li>
            <li>{t('delete.erasedMail')}</li>
          </ul>
          <p>{t('delete.kept')}</p>
        </div>
        <div class="actions">
          <button type="button" class="danger" onClick={erase}>
            {t('delete.confirm')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('delete.cancel')}
          </button>
        </div>
        {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      </dialog>
    </section>
  );
}
