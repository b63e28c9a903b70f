import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';
import { ArticleList, FoundArticle } from './article-list';
import { ArticleView } from './article-view';
import { AnnouncementsView } from './announcements-view';

interface BannerIncident {
  id: string;
  title: string;
  feature: string;
  status: string;
  latestUpdate: string;
}

/** The status banner while an incident is open, then the search of the knowledge base, the news and the team's links. */
export function HelpView({
  article,
  onArticle,
  onUnread,
}: {
  article: string | null;
  onArticle(id: string | null): void;
  onUnread(count: number): void;
}) {
  const { t, language, config } = usePanel();
  const [incidents, setIncidents] = useState<BannerIncident[]>([]);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FoundArticle[] | null>(null);

  useEffect(() => {
    requestJson<BannerIncident[]>('/status/banner').then(setIncidents, () => undefined);
  }, []);

  if (article) return <ArticleView id={article} onBack={() => onArticle(null)} />;

  const search = (event: Event) => {
    event.preventDefault();
    if (!query.trim()) return;
    const params = new URLSearchParams({ q: query, language, limit: '8' });
    requestJson<FoundArticle[]>(`search?${params}`).then(setResults, () => setResults([]));
  };
  return (
    <div class="stack">
      {incidents.map((incident) => (
        <div class="banner" role="status" key={incident.id}>
          <strong>
            {t('status.banner')}: {incident.title}
          </strong>
          <p>{incident.latestUpdate}</p>
        </div>
      ))}
      <p class="greeting">{config.greeting[language] ?? t('greeting.default')}</p>
      <form role="search" class="search" onSubmit={search}>
        <label for="search-query" class="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-query"
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="submit">{t('search.submit')}</button>
      </form>
      {results && (
        <section aria-live="polite" aria-label={t('search.results', { count: results.length })}>
          {results.length === 0 ? <p>{t('search.none')}</p> : <ArticleList articles={results} onOpen={onArticle} />}
        </section>
      )}
      <AnnouncementsView onUnread={onUnread} />
      {config.links.length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('links.title')}</h2>
          <ul class="links">
            {config.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
