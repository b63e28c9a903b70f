import { MessageKey, t } from '../i18n/i18n';
import { Services } from '../services';
import { AgentsPage } from './agents-page';
import { CategoriesPage } from './categories-page';
import { SettingsPage } from './settings-page';
import { SupportAddressesPage } from './support-addresses-page';
import './admin.css';

/** Each administration page, what it is called, and what it shows over the services' APIs. */
const pages = {
  agents: { title: 'admin.agents', show: (props) => <AgentsPage {...props} /> },
  'support-addresses': { title: 'admin.supportAddresses', show: (props) => <SupportAddressesPage {...props} /> },
  categories: { title: 'admin.categories', show: (props) => <CategoriesPage {...props} /> },
  'business-hours': {
    title: 'admin.businessHours',
    show: ({ services, accessToken }) => <SettingsPage baseUrl={services.chat} path="/business-hours" accessToken={accessToken} />,
  },
  'identity-settings': {
    title: 'admin.settings.identity',
    show: ({ services, accessToken }) => <SettingsPage baseUrl={services.identity} path="/settings" accessToken={accessToken} />,
  },
  'tickets-settings': {
    title: 'admin.settings.tickets',
    show: ({ services, accessToken }) => <SettingsPage baseUrl={services.tickets} path="/settings" accessToken={accessToken} />,
  },
  'help-center-settings': {
    title: 'admin.settings.helpCenter',
    show: ({ services, accessToken }) => <SettingsPage baseUrl={services.chat} path="/help-center/settings" accessToken={accessToken} />,
  },
} satisfies Record<string, { title: MessageKey; show(props: AdminPageProps): preact.JSX.Element }>;

type AdminPage = keyof typeof pages;

export interface AdminPageProps {
  services: Services;
  accessToken: string;
}

/** The Administration section (admins only): its pages side by side with the one open, `#admin/<page>`. */
export function AdminView({ page, services, accessToken }: AdminPageProps & { page: string | null }) {
  const open: AdminPage = page && page in pages ? (page as AdminPage) : 'agents';
  return (
    <div class="admin">
      <nav aria-label={t('admin.pages')} class="admin-pages">
        <ul>
          {(Object.keys(pages) as AdminPage[]).map((candidate) => (
            <li key={candidate}>
              <a href={`#admin/${candidate}`} aria-current={candidate === open ? 'page' : undefined}>
                {t(pages[candidate].title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="admin-page" id="admin" aria-labelledby="admin-title">
        <h2 id="admin-title">{t(pages[open].title)}</h2>
        {/* Keyed by page: the settings pages share a component, and each starts from its own service's values. */}
        <div key={open}>{pages[open].show({ services, accessToken })}</div>
      </main>
    </div>
  );
}
