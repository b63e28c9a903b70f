import { useEffect, useRef, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { usePanel } from '../context';
import { withoutLeadingTitle } from '../../lib/markdown';
import { MarkdownView } from '../markdown-view';

interface Article {
  id: string;
  title: string;
  body: string;
  language: string;
  fallback: boolean;
}

/** An article inside the panel, in the reader's language where it has one, with "was this helpful?". */
export function ArticleView({ id, onBack }: { id: string; onBack(): void }) {
  const { t, language, visitorId } = usePanel();
  const [article, setArticle] = useState<Article | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [voted, setVoted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setArticle(null);
    setVoted(false);
    requestJson<Article>(`articles/${encodeURIComponent(id)}?language=${language}`).then(setArticle, (error: Error) =>
      setFailed(error.message),
    );
  }, [id, language]);
  useEffect(() => heading.current?.focus(), [article]);

  const vote = (helpful: boolean) =>
    requestJson(`articles/${encodeURIComponent(id)}/votes`, { method: 'POST', body: { visitorId, helpful } }).then(
      () => setVoted(true),
      (error: Error) => setFailed(error.message),
    );
  return (
    <article class="article stack">
      <button type="button" class="link" onClick={onBack}>
        ← {t('article.back')}
      </button>
      {failed && <p role="alert">{t('error.generic', { message: failed })}</p>}
      {article && (
        <>
          <h2 tabIndex={-1} ref={heading}>
            {article.title}
          </h2>
          {article.fallback && (
            <p class="note">{t('article.fallback', { language: t(`language.${article.language}` as 'language.en') })}</p>
          )}
          <MarkdownView text={withoutLeadingTitle(article.body, article.title)} />
          <div class="vote" role="group" aria-labelledby="vote-question">
            {voted ? (
              <p role="status">{t('article.thanks')}</p>
            ) : (
              <>
                <span id="vote-question">{t('article.helpful')}</span>
                <button type="button" onClick={() => void vote(true)}>
                  {t('article.yes')}
                </button>
                <button type="button" onClick={() => void vote(false)}>
                  {t('article.no')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </article>
  );
}
