import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { serviceCall, Services } from '../services';
import type { Page } from '../tickets/ticket-types';
import { useAdminPage } from './use-admin-page';
import { AdminOutcome } from './admin-outcome';
import { AdminTable } from './admin-table';

/** An article translation as chat's knowledge base answers admins (apps/chat/src/knowledge-base/article.dto.ts). */
interface Article {
  id: string;
  language: string;
  title: string;
  body: string;
  department: string;
  feature: string | null;
  tags: string[];
  published: boolean;
  votes: { helpful: number; notHelpful: number };
}

type ArticleFields = Pick<Article, 'title' | 'body' | 'department' | 'feature' | 'tags' | 'published'>;

const articlePath = (article: Article) => `/knowledge-base/articles/${encodeURIComponent(article.id)}/${article.language}`;

/** Knowledge-base articles, one row per translation, listed by language: added, edited in Markdown, (un)published, deleted. */
export function ArticlesPage({ services, accessToken }: { services: Services; accessToken: string }) {
  const chat = serviceCall(services.chat, accessToken);
  const [language, setLanguage] = useState('');
  const [shownLanguage, setShownLanguage] = useState('');
  const articles = useAdminPage(
    () =>
      chat<Page<Article>>(
        `/knowledge-base/articles?${new URLSearchParams({ limit: '100', ...(shownLanguage ? { language: shownLanguage } : {}) })}`,
      ),
    [shownLanguage],
  );
  const [editing, setEditing] = useState<Article | 'new' | null>(null);

  return (
    <>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setShownLanguage(language.trim().toLowerCase());
        }}
      >
        <label>
          {t('articles.languageFilter')}
          <input value={language} maxLength={2} size={4} onInput={(e) => setLanguage(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('articles.show')}</button>
      </form>
      <AdminOutcome failure={articles.failure} notice={articles.notice} />
      <AdminTable
        items={articles.data?.items}
        none={t('articles.none')}
        headings={[
          t('articles.title'),
          t('articles.language'),
          t('articles.category'),
          t('admin.state'),
          t('articles.votes'),
          t('admin.actions'),
        ]}
        row={(article) => {
          const named = { name: `${article.title} (${article.language})` };
          return (
            <tr key={`${article.id}/${article.language}`}>
              <td>
                {article.title}
                <br />
                <span class="muted">{article.id}</span>
              </td>
              <td>{article.language}</td>
              <td>{article.feature ? `${article.department} / ${article.feature}` : article.department}</td>
              <td>{article.published ? t('articles.published') : t('articles.draft')}</td>
              <td>{t('articles.voteCounts', article.votes)}</td>
              <td class="row-actions">
                <button type="button" onClick={() => setEditing(article)} aria-label={t('admin.editNamed', named)}>
                  {t('admin.edit')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void articles.change(
                      () => chat(articlePath(article), { method: 'PATCH', body: { published: !article.published } }),
                      t('admin.saved'),
                    )
                  }
                  aria-label={t(article.published ? 'articles.unpublishNamed' : 'articles.publishNamed', named)}
                >
                  {t(article.published ? 'articles.unpublish' : 'articles.publish')}
                </button>
                <button
                  type="button"
                  onClick={() => void articles.change(() => chat(articlePath(article), { method: 'DELETE' }), t('admin.deleted', named))}
                  aria-label={t('admin.deleteNamed', named)}
                >
                  {t('admin.delete')}
                </button>
              </td>
            </tr>
          );
        }}
      />
      {editing === null ? (
        <p>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('articles.add')}
          </button>
        </p>
      ) : (
        <ArticleForm
          key={editing === 'new' ? 'new' : `${editing.id}/${editing.language}`}
          article={editing === 'new' ? null : editing}
          save={(key, fields) =>
            articles.change(
              () =>
                editing === 'new'
                  ? chat('/knowledge-base/articles', { method: 'POST', body: { ...key, ...fields } })
                  : chat(articlePath(editing), { method: 'PATCH', body: fields }),
              t('admin.saved'),
            )
          }
          close={() => setEditing(null)}
        />
      )}
    </>
  );
}

function ArticleForm({
  article,
  save,
  close,
}: {
  article: Article | null;
  save(key: { id: string; language: string }, fields: ArticleFields): Promise<boolean>;
  close(): void;
}) {
  const [id, setId] = useState(article?.id ?? '');
  const [language, setLanguage] = useState(article?.language ?? 'en');
  const [title, setTitle] = useState(article?.title ?? '');
  const [department, setDepartment] = useState(article?.department ?? '');
  const [feature, setFeature] = useState(article?.feature ?? '');
  const [tags, setTags] = useState(article?.tags.join(', ') ?? '');
  const [published, setPublished] = useState(article?.published ?? false);
  const [body, setBody] = useState(article?.body ?? '');

  const submit = (event: Event) => {
    event.preventDefault();
    const fields = {
      title,
      department,
      feature: feature.trim() || null,
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
      published,
      body,
    };
    void save({ id, language }, fields).then((saved) => saved && close());
  };
  return (
    <form class="fields stack" onSubmit={submit} aria-labelledby="article-form-title">
      <h3 id="article-form-title">{article ? t('admin.editNamed', { name: article.title }) : t('articles.add')}</h3>
      {!article && (
        <div class="filters">
          <label>
            {t('articles.id')}
            <input required value={id} onInput={(e) => setId(e.currentTarget.value)} />
          </label>
          <label>
            {t('articles.language')}
            <input required maxLength={2} size={4} value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
          </label>
        </div>
      )}
      <label>
        {t('articles.title')}
        <input required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <div class="filters">
        <label>
          {t('articles.department')}
          <input required value={department} onInput={(e) => setDepartment(e.currentTarget.value)} />
        </label>
        <label>
          {t('articles.feature')}
          <input value={feature} onInput={(e) => setFeature(e.currentTarget.value)} />
        </label>
        <label>
          {t('articles.tags')}
          <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        {t('articles.body')}
        <textarea required rows={12} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
        {t('articles.publishedLabel')}
      </label>
      <div class="row-actions">
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
        <button type="button" onClick={close}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
