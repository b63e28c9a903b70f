import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ServiceCall } from '../services';
import type { Contact, Organization } from './contact-types';

/**
 * The Related tab: the organizations the customer belongs to, each made the default one or the customer its primary
 * contact (or not), left, or joined; identity decides what is allowed and answers the contact as it now is.
 */
export function RelatedOrganizations({
  contact,
  identity,
  onChanged,
}: {
  contact: Contact;
  identity: ServiceCall;
  onChanged(contact: Contact): void;
}) {
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [joining, setJoining] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    identity<{ items: Organization[] }>('/organizations?limit=200')
      .then(({ items }) => setOrganizations(items))
      .catch((error: Error) => setFailure(error.message));
  }, []);
  const change = (path: string, method: string, body?: unknown) => {
    setFailure(null);
    identity<Contact>(`/contacts/${contact.id}${path}`, { method, body })
      .then(onChanged)
      .catch((error: Error) => setFailure(error.message));
  };
  const membership = (organizationId: string, isPrimaryContact: boolean) =>
    change(`/organizations/${organizationId}`, 'PUT', { isPrimaryContact });
  const others = organizations.filter((organization) => !contact.organizations.some((member) => member.id === organization.id));
  return (
    <div class="stack">
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      <ul class="related">
        {contact.organizations.map((organization) => (
          <li key={organization.id}>
            <strong>{organization.name}</strong>
            {organization.isDefault && ` · ${t('customer.defaultOrganization')}`}
            {organization.isPrimaryContact && ` · ${t('customer.primaryContact')}`}
            <span class="actions">
              {!organization.isDefault && (
                <button type="button" onClick={() => change('', 'PATCH', { defaultOrganizationId: organization.id })}>
                  {t('related.makeDefault', { organization: organization.name })}
                </button>
              )}
              <button type="button" onClick={() => membership(organization.id, !organization.isPrimaryContact)}>
                {t(organization.isPrimaryContact ? 'related.notPrimary' : 'related.makePrimary', { organization: organization.name })}
              </button>
              {!organization.isDefault && (
                <button type="button" onClick={() => change(`/organizations/${organization.id}`, 'DELETE')}>
                  {t('related.leave', { organization: organization.name })}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (joining) membership(joining, false);
            setJoining('');
          }}
        >
          <label>
            {t('related.join')}
            <select value={joining} onChange={(event) => setJoining(event.currentTarget.value)}>
              <option value="">{t('related.choose')}</option>
              {others.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!joining}>
            {t('related.add')}
          </button>
        </form>
      )}
    </div>
  );
}
