import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';
import { NameAndEmail, NameAndEmailValue } from '../fields';

interface CustomerSuccessForm {
  enabled: boolean;
  categories: { id: string; path: string }[];
  priorities: { id: string; name: string; description: string }[];
  maxMessageChars: number;
}

/**
 * "Contact customer success", where the team offers it (chat's `features.contactCustomerSuccess` and tickets' own
 * setting): topic, priority, the address to answer to and a message, which tickets turns into a ticket answered there.
 */
export function CustomerSuccessView() {
  const { t, config } = usePanel();
  const [form, setForm] = useState<CustomerSuccessForm | null>(null);
  const [open, setOpen] = useState(false);
  const [categoryId, setCategoryId] = useState('');
  const [priority, setPriority] = useState('normal');
  const [identity, setIdentity] = useState<NameAndEmailValue>({ name: '', email: '' });
  const [message, setMessage] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (config.customerSuccessForm && config.ticketsUrl) {
      requestJson<CustomerSuccessForm>(`${config.ticketsUrl}/customer-success/form`).then(
        (served) => {
          setForm(served);
          setCategoryId(served.categories[0]?.id ?? '');
        },
        () => undefined,
      );
    }
  }, [config.customerSuccessForm, config.ticketsUrl]);

  if (!form?.enabled) return null;
  if (sentTo) return <p role="status">{t('success.sent', { email: sentTo })}</p>;
  if (!open) {
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('success.title')}
      </button>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    requestJson(`${config.ticketsUrl}/customer-success/requests`, {
      method: 'POST',
      body: { categoryId, priority, email: identity.email, ...(identity.name ? { name: identity.name } : {}), message: message.trim() },
    }).then(
      () => setSentTo(identity.email),
      (error: Error) => setFailure(error.message),
    );
  };
  return (
    <form class="stack notice" onSubmit={submit}>
      <h2>{t('success.title')}</h2>
      <p>{t('success.intro')}</p>
      <label for="success-category">{t('success.category')}</label>
      <select id="success-category" value={categoryId} onChange={(event) => setCategoryId(event.currentTarget.value)}>
        {form.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.path}
          </option>
        ))}
      </select>
      <label for="success-priority">{t('ticket.priority')}</label>
      <select id="success-priority" value={priority} onChange={(event) => setPriority(event.currentTarget.value)}>
        {form.priorities.map((candidate) => (
          <option key={candidate.id} value={candidate.id} title={candidate.description}>
            {candidate.name}
          </option>
        ))}
      </select>
      <NameAndEmail idPrefix="success" value={identity} onChange={setIdentity} />
      <label for="success-message">{t('success.message')}</label>
      <textarea
        id="success-message"
        rows={5}
        required
        maxLength={form.maxMessageChars}
        value={message}
        onInput={(event) => setMessage(event.currentTarget.value)}
      />
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      <button type="submit">{t('success.submit')}</button>
    </form>
  );
}
