import { t } from '../i18n/i18n';
import { Services } from '../services';
import { AnnouncementsPage } from './announcements-page';
import { ArticlesPage } from './articles-page';
import { AutomationRulesPage } from './automation-rules-page';
import { ContactImportPage } from './contact-import-page';
import { ReplyTemplatesPage } from './reply-templates-page';

export const adminPages = ['templates', 'rules', 'articles', 'announcements', 'contact-import'] as const;
type AdminPage = (typeof adminPages)[number];

/** The admins' section: one page per thing they configure, each at `#admin/<page>` so a link survives a reload. */
export function Administration({ page, services, accessToken }: { page: string | null; services: Services; accessToken: string }) {
  const current: AdminPage = adminPages.find((candidate) => candidate === page) ?? 'templates';
  const props = { services, accessToken };
  return (
    <main class="tickets-page admin" id="administration">
      <h2>{t('admin.title')}</h2>
      <nav aria-label={t('admin.pages')} class="views">
        {adminPages.map((candidate) => (
          <a key={candidate} href={`#admin/${candidate}`} aria-current={candidate === current ? 'page' : undefined}>
            {t(`admin.page.${candidate}`)}
          </a>
        ))}
      </nav>
      {current === 'templates' && <ReplyTemplatesPage {...props} />}
      {current === 'rules' && <AutomationRulesPage {...props} />}
      {current === 'articles' && <ArticlesPage {...props} />}
      {current === 'announcements' && <AnnouncementsPage {...props} />}
      {current === 'contact-import' && <ContactImportPage {...props} />}
    </main>
  );
}
