import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { asAgent, Services } from '../services';
import type { Page } from '../tickets/ticket-types';
import type { Contact, Organization } from './contact-types';

/** Finding customers by name or address, and the contacts identity could not place in an organization ("Unassigned"). */
export function CustomersView({ services, accessToken }: { services: Services; accessToken: string }) {
  const [search, setSearch] = useState('');
  const [unassignedOnly, setUnassignedOnly] = useState(false);
  const [query, setQuery] = useState({ search: '', unassignedOnly: false });
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const find = async () => {
      const params = new URLSearchParams({ limit: '50' });
      const words = query.search.trim();
      if (words) params.set(words.includes('@') ? 'email' : 'q', words);
      if (query.unassignedOnly) {
        const { items } = await asAgent<Page<Organization>>(`${services.identity}/organizations?limit=100`, accessToken);
        const unassigned = items.find((organization) => organization.isDefault);
        if (unassigned) params.set('organizationId', unassigned.id);
      }
      return asAgent<Page<Contact>>(`${services.identity}/contacts?${params}`, accessToken);
    };
    setFailure(null);
    find()
      .then(({ items }) => setContacts(items))
      .catch((error: Error) => setFailure(error.message));
  }, [query]);

  return (
    <main class="tickets-page" id="customers">
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ search, unassignedOnly });
        }}
      >
        <label>
          {t('customers.search')}
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={unassignedOnly} onChange={(e) => setUnassignedOnly(e.currentTarget.checked)} />
          {t('customers.unassigned')}
        </label>
        <button type="submit" class="primary">
          {t('customers.find')}
        </button>
      </form>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      {contacts && contacts.length === 0 && <p>{t('customers.none')}</p>}
      {contacts && contacts.length > 0 && (
        <table class="ticket-list">
          <thead>
            <tr>
              <th scope="col">{t('customers.name')}</th>
              <th scope="col">{t('customers.email')}</th>
              <th scope="col">{t('customers.organization')}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((contact) => (
              <tr key={contact.id}>
                <td>
                  <a href={`#customers/${contact.id}`}>{contact.name}</a>
                </td>
                <td>{contact.email}</td>
                <td>{contact.organization.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
