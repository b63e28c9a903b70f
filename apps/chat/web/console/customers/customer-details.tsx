import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ServiceCall } from '../services';
import { ProfileForm, profileChanges, profileFormOf } from '../lib/profile-changes';
import type { Contact, Phone } from './contact-types';

const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The Details tab: every profile field editable, and the addresses with their verification. */
export function CustomerDetails({
  contact,
  identity,
  onChanged,
}: {
  contact: Contact;
  identity: ServiceCall;
  onChanged(contact: Contact): void;
}) {
  const [form, setForm] = useState<ProfileForm>(() => profileFormOf(contact));
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (field: keyof ProfileForm) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: event.currentTarget.value });
  const setPhone = (index: number, phone: Phone) =>
    setForm({ ...form, phones: form.phones.map((old, at) => (at === index ? phone : old)) });

  const save = (event: Event) => {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    const change = profileChanges(contact, form);
    if (Object.keys(change).length === 0) return setNotice(t('details.unchanged'));
    identity<Contact>(`/contacts/${contact.id}`, { method: 'PATCH', body: change })
      .then((saved) => {
        setForm(profileFormOf(saved));
        setNotice(t('details.saved'));
        onChanged(saved);
      })
      .catch((error: Error) => setFailure(error.message));
  };

  return (
    <div class="stack">
      <form class="stack fields" aria-labelledby="details-title" onSubmit={save}>
        <h3 id="details-title">{t('details.title')}</h3>
        <label>
          {t('details.name')}
          <input required value={form.name} onInput={set('name')} />
        </label>
        <fieldset class="stack">
          <legend>{t('details.phones')}</legend>
          {form.phones.map((phone, index) => (
            <div class="row" key={index}>
              <label>
                {t('details.phoneNumber', { index: index + 1 })}
                <input type="tel" value={phone.number} onInput={(e) => setPhone(index, { ...phone, number: e.currentTarget.value })} />
              </label>
              <label>
                {t('details.phoneKind', { index: index + 1 })}
                <select value={phone.kind} onChange={(e) => setPhone(index, { ...phone, kind: e.currentTarget.value as Phone['kind'] })}>
                  <option value="direct">{t('details.direct')}</option>
                  <option value="shared">{t('details.shared')}</option>
                </select>
              </label>
              <button type="button" onClick={() => setForm({ ...form, phones: form.phones.filter((_, at) => at !== index) })}>
                {t('details.removePhone', { index: index + 1 })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setForm({ ...form, phones: [...form.phones, { number: '', kind: 'direct' }] })}>
            {t('details.addPhone')}
          </button>
        </fieldset>
        <label>
          {t('details.language')}
          <input value={form.language} onInput={set('language')} placeholder="en-GB" />
        </label>
        <label>
          {t('details.timeZone')}
          <input value={form.timeZone} onInput={set('timeZone')} list="time-zones" placeholder="Europe/Paris" />
        </label>
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <label>
          {t('details.details')}
          <textarea rows={3} value={form.details} onInput={set('details')} />
        </label>
        <label>
          {t('details.notes')}
          <textarea rows={4} value={form.notes} onInput={set('notes')} />
        </label>
        <label>
          {t('details.tags')}
          <input value={form.tags} onInput={set('tags')} />
        </label>
        <button type="submit" class="primary">
          {t('details.save')}
        </button>
        {notice && <p role="status">{notice}</p>}
        {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      </form>
      <EmailAddresses contact={contact} identity={identity} onChanged={onChanged} />
    </div>
  );
}

/** The contact's addresses: the primary one first, each verified or not; add, remove, make primary, resend verification. */
function EmailAddresses({ contact, identity, onChanged }: { contact: Contact; identity: ServiceCall; onChanged(contact: Contact): void }) {
  const [email, setEmail] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const addressPath = (address: string) => `/contacts/${contact.id}/emails/${encodeURIComponent(address)}`;
  const run = (work: Promise<Contact | void>, done: string) => {
    setNotice(null);
    setFailure(null);
    work
      .then((changed) => {
        setNotice(done);
        if (changed) onChanged(changed);
      })
      .catch((error: Error) => setFailure(error.message));
  };
  const add = (event: Event) => {
    event.preventDefault();
    run(
      identity<Contact>(`/contacts/${contact.id}/emails`, { method: 'POST', body: { email: email.trim() } }).then((changed) => {
        setEmail('');
        return changed;
      }),
      t('emails.added', { email: email.trim() }),
    );
  };
  const undeliverable = new Set(contact.undeliverable.map((entry) => entry.email));
  return (
    <section class="stack fields" aria-labelledby="emails-title">
      <h3 id="emails-title">{t('emails.title')}</h3>
      <ul class="addresses">
        {contact.emailAddresses.map((address) => (
          <li key={address.email}>
            <span class="address">{address.email}</span> {address.isPrimary && <span class="badge">{t('emails.primary')}</span>}{' '}
            <span class="badge">{address.verified ? t('customer.verified') : t('customer.unverified')}</span>{' '}
            {undeliverable.has(address.email) && <span class="badge">{t('emails.undeliverable')}</span>}
            <div class="actions">
              {!address.verified && (
                <button
                  type="button"
                  onClick={() =>
                    run(
                      identity(`${addressPath(address.email)}/verification-link`, { method: 'POST' }),
                      t('emails.verificationSent', { email: address.email }),
                    )
                  }
                >
                  {t('emails.resend', { email: address.email })}
                </button>
              )}
              {!address.isPrimary && (
                <>
                  <button
                    type="button"
                    onClick={() =>
                      run(
                        identity<Contact>(`/contacts/${contact.id}`, { method: 'PATCH', body: { primaryEmail: address.email } }),
                        t('emails.madePrimary', { email: address.email }),
                      )
                    }
                  >
                    {t('emails.makePrimary', { email: address.email })}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      run(
                        identity<Contact>(addressPath(address.email), { method: 'DELETE' }),
                        t('emails.removed', { email: address.email }),
                      )
                    }
                  >
                    {t('emails.remove', { email: address.email })}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <form class="filters" onSubmit={add} aria-label={t('emails.add')}>
        <label>
          {t('emails.new')}
          <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('emails.add')}</button>
      </form>
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
    </section>
  );
}
