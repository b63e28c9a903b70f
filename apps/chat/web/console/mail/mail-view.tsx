import { useEffect, useState } from 'preact/hooks';
import { ApiError, downloadFile } from '../../help-center/panel/api';
import { t } from '../i18n/i18n';
import { serviceCall, ServiceCall, Services } from '../services';
import type { Page } from '../tickets/ticket-types';

/** email-ingest's held mail (apps/email-ingest/src/quarantine/quarantine.dto.ts). */
interface HeldMail {
  inboundMessageId: string;
  kind: string;
  rule?: string;
  detail?: string;
  from: string;
  subject: string;
  receivedAt: string;
  authentication: { spf: string; dkim: string; dmarc: string };
  heldAt: string;
}

interface HeldCounts {
  total: number;
  kinds: Record<string, number>;
}

/** identity's mail from senders no contact has, held while contacts are not created automatically. */
interface UnknownSenderMail {
  inboundMessageId: string;
  sender: string;
  subject: string;
  receivedAt: string;
}

const when = (iso: string) => new Date(iso).toLocaleString();

/** The Mail section: the quarantine (email-ingest) and the mail of unknown senders waiting for an agent (identity). */
export function MailView({ services, accessToken }: { services: Services; accessToken: string }) {
  return (
    <main class="tickets-page" id="mail">
      <Quarantine emailIngest={serviceCall(services.emailIngest, accessToken)} services={services} accessToken={accessToken} />
      <UnknownSenders identity={serviceCall(services.identity, accessToken)} />
    </main>
  );
}

function Quarantine({ emailIngest, services, accessToken }: { emailIngest: ServiceCall; services: Services; accessToken: string }) {
  const [counts, setCounts] = useState<HeldCounts | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [held, setHeld] = useState<Page<HeldMail> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    emailIngest<HeldCounts>('/quarantine/counts')
      .then(setCounts)
      .catch((error: Error) => setFailure(error.message));
    emailIngest<Page<HeldMail>>(`/quarantine?limit=50${kind ? `&kind=${kind}` : ''}`)
      .then(setHeld)
      .catch((error: Error) => setFailure(error.message));
  }, [kind, version]);

  const act = (work: Promise<unknown>, done: string) => {
    setNotice(null);
    setFailure(null);
    work
      .then(() => {
        setNotice(done);
        setVersion((v) => v + 1);
      })
      .catch((error: Error) => setFailure(error.message));
  };
  const download = (mail: HeldMail) =>
    downloadFile(
      `${services.emailIngest}/inbound-messages/${mail.inboundMessageId}/raw`,
      `Bearer ${accessToken}`,
      `${mail.inboundMessageId}.eml`,
    ).catch((error: Error) => setFailure(error.message));

  const kinds = counts ? Object.entries(counts.kinds) : [];
  return (
    <section aria-labelledby="quarantine-title" class="stack">
      <h2 id="quarantine-title">{t('quarantine.title')}</h2>
      <p class="muted">{t('quarantine.explain')}</p>
      <div class="views" role="group" aria-label={t('quarantine.kinds')}>
        <button type="button" aria-pressed={kind === null} onClick={() => setKind(null)}>
          {t('quarantine.all')} <span class="badge">{counts?.total ?? 0}</span>
        </button>
        {kinds.map(([name, count]) => (
          <button key={name} type="button" aria-pressed={kind === name} onClick={() => setKind(name)}>
            {name} <span class="badge">{count}</span>
          </button>
        ))}
      </div>
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {held && held.items.length === 0 && <p>{t('quarantine.none')}</p>}
      <ul class="organizations">
        {held?.items.map((mail) => (
          <li key={mail.inboundMessageId} class="fields">
            <h3>{mail.subject || t('quarantine.noSubject')}</h3>
            <p class="muted">{t('quarantine.from', { from: mail.from, when: when(mail.receivedAt) })}</p>
            <dl class="facts">
              <dt>{t('quarantine.why')}</dt>
              <dd>
                {mail.kind}
                {mail.rule && ` (${t('quarantine.rule', { rule: mail.rule })})`}
                {mail.detail && `: ${mail.detail}`}
              </dd>
              <dt>{t('quarantine.checks')}</dt>
              <dd>{t('quarantine.checkResults', mail.authentication)}</dd>
              <dt>{t('quarantine.heldAt')}</dt>
              <dd>{when(mail.heldAt)}</dd>
            </dl>
            <div class="actions">
              <button
                type="button"
                class="primary"
                onClick={() =>
                  act(
                    emailIngest(`/quarantine/${mail.inboundMessageId}/release`, { method: 'POST' }),
                    t('quarantine.released', { subject: mail.subject }),
                  )
                }
              >
                {t('quarantine.release', { subject: mail.subject })}
              </button>
              <button
                type="button"
                onClick={() =>
                  act(
                    emailIngest(`/quarantine/${mail.inboundMessageId}`, { method: 'DELETE' }),
                    t('quarantine.deleted', { subject: mail.subject }),
                  )
                }
              >
                {t('quarantine.delete', { subject: mail.subject })}
              </button>
              <button type="button" onClick={() => void download(mail)}>
                {t('quarantine.download', { subject: mail.subject })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnknownSenders({ identity }: { identity: ServiceCall }) {
  const [held, setHeld] = useState<UnknownSenderMail[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    identity<Page<UnknownSenderMail>>('/unknown-senders?limit=50')
      .then(({ items }) => setHeld(items))
      .catch((error: Error) => setFailure(error.message));
  }, [version]);

  const act = (work: () => Promise<unknown>, done: string) => {
    setNotice(null);
    setFailure(null);
    work()
      .then(() => {
        setNotice(done);
        setVersion((v) => v + 1);
      })
      .catch((error: Error) => setFailure(error.message));
  };
  const acceptOnce = (mail: UnknownSenderMail) => identity(`/unknown-senders/${mail.inboundMessageId}/accept`, { method: 'POST' });
  // identity accepts mail only from a contact: one the sender has already, else the one made here under the name given.
  const accept = (mail: UnknownSenderMail) =>
    acceptOnce(mail).catch(async (error: unknown) => {
      if (!(error instanceof ApiError && error.code === 'unknown_sender.no_contact')) throw error;
      await identity('/contacts', { method: 'POST', body: { email: mail.sender, name: names[mail.inboundMessageId] ?? '' } });
      return acceptOnce(mail);
    });

  return (
    <section aria-labelledby="unknown-title" class="stack">
      <h2 id="unknown-title">{t('unknown.title')}</h2>
      <p class="muted">{t('unknown.explain')}</p>
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {held && held.length === 0 && <p>{t('unknown.none')}</p>}
      <ul class="organizations">
        {held?.map((mail) => (
          <li key={mail.inboundMessageId} class="fields">
            <h3>{mail.subject || t('quarantine.noSubject')}</h3>
            <p class="muted">{t('quarantine.from', { from: mail.sender, when: when(mail.receivedAt) })}</p>
            <div class="row">
              <label>
                {t('unknown.name', { sender: mail.sender })}
                <input
                  value={names[mail.inboundMessageId] ?? ''}
                  onInput={(e) => setNames({ ...names, [mail.inboundMessageId]: e.currentTarget.value })}
                />
              </label>
              <button type="button" class="primary" onClick={() => act(() => accept(mail), t('unknown.accepted', { sender: mail.sender }))}>
                {t('unknown.accept', { sender: mail.sender })}
              </button>
              <button
                type="button"
                onClick={() =>
                  act(
                    () => identity(`/unknown-senders/${mail.inboundMessageId}`, { method: 'DELETE' }),
                    t('unknown.rejected', { sender: mail.sender }),
                  )
                }
              >
                {t('unknown.reject', { sender: mail.sender })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
