import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { AdminPageProps } from './admin-view';
import { AdminOutcome } from './admin-outcome';
import { useAdminPage } from './use-admin-page';
import { serviceCall } from '../services';

/** A department of tickets' category tree with its features (apps/tickets/src/categories/category.dto.ts). */
export interface Department {
  id: string;
  name: string;
  active: boolean;
  features: { id: string; name: string; active: boolean; path: string }[];
}

/** tickets' categories, departments with their features: added, renamed, deactivated and reactivated (never deleted). */
export function CategoriesPage({ services, accessToken }: AdminPageProps) {
  const tickets = serviceCall(services.tickets, accessToken);
  const page = useAdminPage(() => tickets<Department[]>('/categories?includeInactive=true'));
  const create = (body: { department: string; feature?: string }) =>
    page.change(() => tickets('/categories', { method: 'POST', body }), t('admin.saved'));
  const update = (id: string, body: { name?: string; active?: boolean }) =>
    page.change(() => tickets(`/categories/${id}`, { method: 'PATCH', body }), t('admin.saved'));
  return (
    <>
      <p class="muted">{t('categories.hint')}</p>
      <div class="admin-forms">
        <AddDepartment create={create} />
        <AddFeature departments={page.data ?? []} create={create} />
      </div>
      <AdminOutcome failure={page.failure} notice={page.notice} />
      <ul class="admin-list">
        {(page.data ?? []).map((department) => (
          <li key={department.id}>
            <CategoryItem key={`${department.name}:${department.active}`} category={department} update={update} />
            {department.features.length > 0 && (
              <ul class="admin-list features">
                {department.features.map((feature) => (
                  <li key={feature.id}>
                    <CategoryItem key={`${feature.name}:${feature.active}`} category={feature} update={update} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function AddDepartment({ create }: { create(body: { department: string }): Promise<boolean> }) {
  const [name, setName] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void create({ department: name }).then((created) => created && setName(''));
  };
  return (
    <form class="admin-form" onSubmit={submit} aria-labelledby="add-department-title">
      <h3 id="add-department-title">{t('categories.addDepartment')}</h3>
      <label>
        {t('categories.name')}
        <input required value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t('categories.addSubmit')}
      </button>
    </form>
  );
}

function AddFeature({
  departments,
  create,
}: {
  departments: Department[];
  create(body: { department: string; feature: string }): Promise<boolean>;
}) {
  const [department, setDepartment] = useState('');
  const [feature, setFeature] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void create({ department, feature }).then((created) => created && setFeature(''));
  };
  return (
    <form class="admin-form" onSubmit={submit} aria-labelledby="add-feature-title">
      <h3 id="add-feature-title">{t('categories.addFeature')}</h3>
      <label>
        {t('categories.department')}
        <select required value={department} onChange={(event) => setDepartment(event.currentTarget.value)}>
          <option value="" />
          {departments.map((candidate) => (
            <option key={candidate.id} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('categories.feature')}
        <input required value={feature} onInput={(event) => setFeature(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t('categories.addSubmit')}
      </button>
    </form>
  );
}

/** A department or feature: renamed in place, or (de)activated. */
function CategoryItem({
  category,
  update,
}: {
  category: { id: string; name: string; active: boolean };
  update(id: string, body: { name?: string; active?: boolean }): Promise<boolean>;
}) {
  const [name, setName] = useState(category.name);
  const rename = (event: Event) => {
    event.preventDefault();
    void update(category.id, { name });
  };
  return (
    <form class={`admin-row${category.active ? '' : ' inactive'}`} onSubmit={rename}>
      <input
        aria-label={t('categories.renameOf', { name: category.name })}
        required
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <button type="submit">{t('categories.rename')}</button>
      <span class="badge">{category.active ? t('admin.active') : t('admin.inactive')}</span>
      <button
        type="button"
        aria-label={t(category.active ? 'categories.deactivateOf' : 'categories.reactivateOf', { name: category.name })}
        onClick={() => void update(category.id, { active: !category.active })}
      >
        {category.active ? t('admin.deactivate') : t('admin.reactivate')}
      </button>
    </form>
  );
}
