import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { serviceCall, ServiceCall, Services } from '../services';
import type { Organization } from '../customers/contact-types';
import type { Page } from '../tickets/ticket-types';

/** Organizations with their domains: creating one, and adding a domain that moves its contacts out of "Unassigned". */
export function OrganizationsView({ services, accessToken }: { services: Services; accessToken: string }) {
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const identity = serviceCall(services.identity, accessToken);

  useEffect(() => {
    identity<Page<Organization>>('/organizations?limit=100')
      .then(({ items }) => setOrganizations(items))
      .catch((error: Error) => setFailure(error.message));
  }, [version]);

  const create = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    identity('/organizations', { method: 'POST', body: { name } })
      .then(() => {
        setName('');
        setVersion((v) => v + 1);
      })
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <main class="tickets-page" id="organizations">
      <form class="filters" onSubmit={create} aria-label={t('orgs.create')}>
        <label>
          {t('orgs.name')}
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {t('orgs.createSubmit')}
        </button>
      </form>
      {failure && <p role="alert">{t('error.generic', { message: failure })}</p>}
      <DomainConflicts organizations={organizations} identity={identity} version={version} />
      <ul class="organizations">
        {organizations.map((organization) => (
          <OrganizationItem
            key={organization.id}
            organization={organization}
            identity={identity}
            onChanged={() => setVersion((v) => v + 1)}
          />
        ))}
      </ul>
    </main>
  );
}

function OrganizationItem({ organization, identity, onChanged }: { organization: Organization; identity: ServiceCall; onChanged(): void }) {
  const [domain, setDomain] = useState('');
  const [move, setMove] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const add = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    identity<{ movedContacts: number }>(`/organizations/${organization.id}/domains`, {
      method: 'POST',
      body: { domain, moveExistingContacts: move },
    })
      .then(({ movedContacts }) => {
        setNotice(t('orgs.added', { domain, count: movedContacts }));
        setDomain('');
        onChanged();
      })
      .catch((error: Error) => setFailure(error.message));
  };
  return (
    <li class="fields">
      <h3>{organization.name}</h3>
      <p class="muted">
        {organization.isDefault
          ? t('orgs.default')
          : t('orgs.domains', { domains: organization.domains.join(', ') || t('orgs.noDomains') })}
      </p>
      {!organization.isDefault && (
        <form class="filters" onSubmit={add} aria-label={t('orgs.addDomain', { name: organization.name })}>
          <label>
            {t('orgs.domain')}
            <input required value={domain} onInput={(e) => setDomain(e.currentTarget.value)} />
          </label>
          <label class="check">
            <input type="checkbox" checked={move} onChange={(e) => setMove(e.currentTarget.checked)} />
            {t('orgs.move')}
          </label>
          <button type="submit">{t('orgs.addSubmit')}</button>
        </form>
      )}
      {notice && <p role="status">{notice}</p>}
      {failure && <p role="alert">{failure}</p>}
    </li>
  );
}

interface DomainConflict {
  id: string;
  contactId: string;
  domain: string;
  claims: { domain: string; includeSubdomains: boolean; organizationId: string }[];
  detectedAt: string;
}

/** Contacts identity left in "Unassigned" because several organizations' domains claim their address. */
function DomainConflicts({ organizations, identity, version }: { organizations: Organization[]; identity: ServiceCall; version: number }) {
  const [conflicts, setConflicts] = useState<DomainConflict[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    identity<Page<DomainConflict>>('/organizations/conflicts?limit=100')
      .then(({ items }) => setConflicts(items))
      .catch((error: Error) => setFailure(error.message));
  }, [version]);
  const nameOf = (id: string) => organizations.find((organization) => organization.id === id)?.name ?? id;
  if (failure) return <p role="alert">{t('error.generic', { message: failure })}</p>;
  if (conflicts.length === 0) return null;
  return (
    <section class="fields" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('orgs.conflicts')}</h2>
      <p class="muted">{t('orgs.conflictsExplain')}</p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.id}>
            <a href={`#customers/${conflict.contactId}`}>{t('orgs.conflictContact', { domain: conflict.domain })}</a>{' '}
            {t('orgs.conflictClaims', {
              claims: conflict.claims
                .map((claim) => `${nameOf(claim.organizationId)} (${claim.includeSubdomains ? `*.${claim.domain}` : claim.domain})`)
                .join(', '),
              when: new Date(conflict.detectedAt).toLocaleString(),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
