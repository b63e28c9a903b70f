import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { AdminPageProps } from './admin-view';
import { AdminOutcome } from './admin-outcome';
import { Department } from './categories-page';
import { useAdminPage } from './use-admin-page';
import { serviceCall } from '../services';

/** email-ingest's support address (apps/email-ingest/src/support-addresses/support-address.dto.ts). */
interface SupportAddress {
  address: string;
  defaultCategory: string | null;
}

/** The labels a support address may name as its default category: each active department's name, each feature's path ("Department / Feature"). */
const categoryLabels = (departments: Department[]) =>
  departments.flatMap((department) => [department.name, ...department.features.map((feature) => feature.path)]);

/** email-ingest's support addresses with the ticket category their new mail starts in: added, changed, removed. */
export function SupportAddressesPage({ services, accessToken }: AdminPageProps) {
  const emailIngest = serviceCall(services.emailIngest, accessToken);
  const tickets = serviceCall(services.tickets, accessToken);
  const page = useAdminPage(() =>
    Promise.all([emailIngest<SupportAddress[]>('/support-addresses'), tickets<Department[]>('/categories')]).then(
      ([addresses, departments]) => ({ addresses, labels: categoryLabels(departments) }),
    ),
  );
  const put = (address: string, defaultCategory: string | null) =>
    emailIngest(`/support-addresses/${encodeURIComponent(address)}`, { method: 'PUT', body: { defaultCategory } });
  const labels = page.data?.labels ?? [];
  return (
    <>
      <p class="muted">{t('addresses.hint')}</p>
      <AddAddress labels={labels} add={(address, category) => page.change(() => put(address, category), t('admin.saved'))} />
      <AdminOutcome failure={page.failure} notice={page.notice} />
      {page.data &&
        (page.data.addresses.length === 0 ? (
          <p>{t('addresses.none')}</p>
        ) : (
          <ul class="admin-list">
            {page.data.addresses.map((entry) => (
              <AddressItem
                key={`${entry.address}:${entry.defaultCategory}`}
                entry={entry}
                labels={labels}
                save={(category) => page.change(() => put(entry.address, category), t('admin.saved'))}
                remove={() =>
                  page.change(
                    () => emailIngest(`/support-addresses/${encodeURIComponent(entry.address)}`, { method: 'DELETE' }),
                    t('addresses.removed', { address: entry.address }),
                  )
                }
              />
            ))}
          </ul>
        ))}
    </>
  );
}

/** A category chosen among the labels (the stored one kept even when no category has it any more), or none. */
function CategorySelect({
  value,
  labels,
  onChange,
  label,
}: {
  value: string;
  labels: string[];
  onChange(value: string): void;
  label?: string;
}) {
  const options = value && !labels.includes(value) ? [value, ...labels] : labels;
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{t('admin.none')}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

function AddAddress({ labels, add }: { labels: string[]; add(address: string, category: string | null): Promise<boolean> }) {
  const [address, setAddress] = useState('');
  const [category, setCategory] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void add(address.trim(), category || null).then((added) => {
      if (!added) return;
      setAddress('');
      setCategory('');
    });
  };
  return (
    <form class="admin-form" onSubmit={submit} aria-labelledby="add-address-title">
      <h3 id="add-address-title">{t('addresses.add')}</h3>
      <label>
        {t('addresses.address')}
        <input type="email" required value={address} onInput={(event) => setAddress(event.currentTarget.value)} />
      </label>
      <label>
        {t('addresses.defaultCategory')}
        <CategorySelect value={category} labels={labels} onChange={setCategory} />
      </label>
      <button type="submit" class="primary">
        {t('addresses.addSubmit')}
      </button>
    </form>
  );
}

function AddressItem({
  entry,
  labels,
  save,
  remove,
}: {
  entry: SupportAddress;
  labels: string[];
  save(category: string | null): Promise<boolean>;
  remove(): Promise<boolean>;
}) {
  const [category, setCategory] = useState(entry.defaultCategory ?? '');
  const { address } = entry;
  return (
    <li class="admin-row">
      <strong>{address}</strong>
      <CategorySelect label={t('addresses.categoryOf', { address })} value={category} labels={labels} onChange={setCategory} />
      <button type="button" aria-label={t('addresses.saveOf', { address })} onClick={() => void save(category || null)}>
        {t('admin.save')}
      </button>
      <button type="button" aria-label={t('addresses.removeOf', { address })} onClick={() => void remove()}>
        {t('addresses.remove')}
      </button>
    </li>
  );
}
