/** An article found by the search or suggested for a ticket, as the help center's search answers it. */
export interface FoundArticle {
  id: string;
  title: string;
  snippet: string;
}

/** Articles to open inside the panel, each with the passage that matched. */
export function ArticleList({ articles, onOpen }: { articles: readonly FoundArticle[]; onOpen(id: string): void }) {
  return (
    <ul class="results">
      {articles.map((article) => (
        <li key={article.id}>
          <button type="button" class="link" onClick={() => onOpen(article.id)}>
            {article.title}
          </button>
          {article.snippet && <p class="snippet">{article.snippet}</p>}
        </li>
      ))}
    </ul>
  );
}
