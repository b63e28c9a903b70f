import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { asAgent, Services } from '../services';
import type { ConversationVisitor } from './desk-types';

interface Contact {
  name: string;
  email: string;
  organizations: { id: string; name: string; isDefault: boolean; isPrimaryContact: boolean }[];
  language: string | null;
  timeZone: string | null;
}

interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: string;
}

/** Who the agent is chatting with: identity's contact (organization, primary contact or not, language, time zone) and their latest tickets. */
export function ContactSummary({
  visitor,
  services,
  accessToken,
}: {
  visitor: ConversationVisitor;
  services: Services;
  accessToken: string;
}) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [tickets, setTickets] = useState<TicketSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!visitor.contactId) return;
    const contactId = encodeURIComponent(visitor.contactId);
    Promise.all([
      asAgent<Contact>(`${services.identity}/contacts/${contactId}`, accessToken),
      asAgent<{ items: TicketSummary[] }>(
        `${services.tickets}/tickets?requesterContactId=${contactId}&sort=-createdAt&limit=5`,
        accessToken,
      ),
    ])
      .then(([found, recent]) => {
        setContact(found);
        setTickets(recent.items);
      })
      .catch((error: Error) => setFailure(error.message));
  }, [visitor.contactId]);

  const unknown = t('contact.unknown');
  const organization = contact?.organizations.find((o) => o.isDefault) ?? contact?.organizations[0];
  return (
    <aside class="contact" aria-label={t('contact.title')}>
      <h4>{t('contact.title')}</h4>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {!visitor.contactId && (
        <>
          {(visitor.name || visitor.email) && <p>{[visitor.name, visitor.email].filter(Boolean).join(' · ')}</p>}
          <p class="muted">{t('contact.anonymous')}</p>
        </>
      )}
      {contact && (
        <dl>
          <dt>{contact.name}</dt>
          <dd>{contact.email}</dd>
          <dt>{t('contact.organization')}</dt>
          <dd>
            {organization?.name ?? unknown} ({organization?.isPrimaryContact ? t('contact.primary') : t('contact.notPrimary')})
          </dd>
          <dt>{t('contact.language')}</dt>
          <dd>{contact.language ?? unknown}</dd>
          <dt>{t('contact.timeZone')}</dt>
          <dd>{contact.timeZone ?? unknown}</dd>
        </dl>
      )}
      {tickets && (
        <>
          <h5>{t('contact.tickets')}</h5>
          {tickets.length === 0 ? (
            <p class="muted">{t('contact.noTickets')}</p>
          ) : (
            <ul class="tickets">
              {tickets.map((ticket) => (
                <li key={ticket.id}>
                  #{ticket.number} {ticket.subject} <span class="badge">{ticket.status}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
