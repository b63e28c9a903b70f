import { Passage, passagesOf, SearchableArticle } from './passages';
import { plainText, snippetOf } from './snippet';
import { analyzerFor, LanguageAnalyzer, words } from './text';

/** How an index is built and scored; the default is what the figures chose (README, "Knowledge-base retrieval"). */
export interface RankingOptions {
  /** Snowball stemming per article language; off: whole words, folded. */
  stemming: boolean;
  /** Score sections of articles (each with the article's title and tags); off: whole articles. */
  passages: boolean;
}

export const chosenRanking: RankingOptions = { stemming: true, passages: true };

/**
 * The confidence from which a hit counts as an answer, chosen from the dev questions' figures (README, "Knowledge-base
 * retrieval") and checked on the held-out ones.
 */
export const answerThreshold = 0.5;

export interface SearchQuery {
  text: string;
  /** The reader's language: its stop words are ignored and its translations preferred (then English). */
  language?: string | null;
  department?: string | null;
  feature?: string | null;
  limit?: number;
}

export interface ArticleHit {
  article: SearchableArticle;
  /** BM25 of the best passage. */
  score: number;
  /** The share (0–1) of the question's information the best passage matches: what an answer is judged by. */
  confidence: number;
  snippet: string;
}

/** A ranking over a fixed set of articles; pure and synchronous, so it is measured in unit specs. */
export interface Ranker {
  search(query: SearchQuery): ArticleHit[];
}

interface Unit {
  passage: Passage;
  termCounts: Map<string, number>;
  length: number;
}

const k1 = 1.2;
const b = 0.75;
/** Titles and tags say what an article is about; they weigh as much as two mentions in its text. */
const titleWeight = 2;
/** The language shown when an article has no translation in the reader's. */
export const fallbackLanguage = 'en';

/**
 * Okapi BM25 over passages in every language at once. A question's words are reduced to terms by each article
 * language's analyzer, so a question in a language without a translation still meets an article on the words they
 * share (product names, SSO, SCORM, CSV…). Confidence is the share of the question's inverse document frequency the
 * best passage matches: a word no article has counts fully against it, which is what makes an unanswerable question
 * score low however common its other words are.
 */
export class Bm25Ranker implements Ranker {
  private readonly units: Unit[];
  /** In how many article translations each term occurs: a word every article uses says little, however it is cut. */
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;
  private readonly languages: string[];
  private readonly articleCount: number;

  constructor(
    private readonly articles: SearchableArticle[],
    private readonly options: RankingOptions = chosenRanking,
  ) {
    this.units = articles.flatMap((article) => {
      const units = this.unitsOf(article);
      const terms = new Set(units.flatMap((unit) => [...unit.termCounts.keys()]));
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      return units;
    });
    this.articleCount = articles.length;
    this.averageLength = this.units.reduce((sum, unit) => sum + unit.length, 0) / Math.max(this.units.length, 1);
    this.languages = [...new Set(articles.map((article) => article.language))];
  }

  search(query: SearchQuery): ArticleHit[] {
    const queryWords = words(query.text);
    const readerAnalyzer = query.language ? analyzerFor(query.language) : null;
    const termsByLanguage = new Map(
      this.languages.map((language) => {
        const analyzer = this.analyzer(language);
        const content = queryWords.filter((word) => !analyzer.isStopWord(word) && !readerAnalyzer?.isStopWord(word));
        return [language, [...new Set(content.map((word) => analyzer.term(word)))]];
      }),
    );
    const best = new Map<string, ArticleHit & { matchedTerms: Set<string> }>();
    for (const unit of this.units) {
      const { article } = unit.passage;
      if (query.department && article.department !== query.department) continue;
      if (query.feature && article.feature !== query.feature) continue;
      const terms = termsByLanguage.get(article.language)!;
      if (terms.length === 0) continue;
      let score = 0;
      let matched = 0;
      let total = 0;
      const matchedTerms = new Set<string>();
      for (const term of terms) {
        const idf = this.idf(term);
        total += idf;
        const count = unit.termCounts.get(term);
        if (!count) continue;
        matchedTerms.add(term);
        matched += idf;
        score += (idf * count * (k1 + 1)) / (count + k1 * (1 - b + (b * unit.length) / this.averageLength));
      }
      if (score === 0) continue;
      const key = `${article.id}\u0000${article.language}`;
      const current = best.get(key);
      if (!current || score > current.score) {
        best.set(key, { article, score, confidence: matched / total, snippet: unit.passage.text, matchedTerms });
      }
    }
    const ranked = this.oneTranslationEach([...best.values()], query.language ?? fallbackLanguage).sort(
      (left, right) => right.score - left.score,
    );
    return ranked.slice(0, query.limit ?? 10).map(({ matchedTerms, snippet, ...hit }) => {
      const analyzer = this.analyzer(hit.article.language);
      return {
        ...hit,
        snippet: snippetOf(snippet, (word) => matchedTerms.has(analyzer.term(word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')))),
      };
    });
  }

  /**
   * The articles of a department (and feature), one translation each as `search` picks it, by title; unscored, each
   * with the beginning of its text as the snippet.
   */
  inCategory(department: string, feature: string | null, language: string | null): ArticleHit[] {
    const inCategory = this.articles
      .filter((article) => article.department === department && (!feature || article.feature === feature))
      .map((article) => ({ article, score: 0, confidence: 0, snippet: '' }));
    return this.oneTranslationEach(inCategory, language ?? fallbackLanguage)
      .sort((left, right) => left.article.title.localeCompare(right.article.title))
      .map((hit) => ({ ...hit, snippet: snippetOf(passagesOf(hit.article)[0]!.text, () => false) }));
  }

  /**
   * One hit per article: the reader's translation when it has one, else English, else the best-scoring; scored as the
   * best of its translations, so a question in German finds an article whose English text answers it best.
   */
  private oneTranslationEach<Hit extends ArticleHit>(hits: Hit[], language: string): Hit[] {
    const byArticle = new Map<string, Hit[]>();
    for (const hit of hits) byArticle.set(hit.article.id, [...(byArticle.get(hit.article.id) ?? []), hit]);
    const preference = (hit: Hit) => (hit.article.language === language ? 2 : hit.article.language === fallbackLanguage ? 1 : 0);
    return [...byArticle.values()].map((translations) => {
      const strongest = translations.reduce((left, right) => (right.score > left.score ? right : left));
      const shown = translations.reduce((left, right) => (preference(right) > preference(left) ? right : left));
      return { ...shown, score: strongest.score, confidence: Math.max(...translations.map((hit) => hit.confidence)) };
    });
  }

  private unitsOf(article: SearchableArticle): Unit[] {
    const passages = this.options.passages ? passagesOf(article) : [{ article, heading: null, text: plainText(article.body) }];
    const analyzer = this.analyzer(article.language);
    const about = analyzer.terms([article.title, ...article.tags].join(' \n '));
    return passages.map((passage) => {
      const terms = [...analyzer.terms(`${passage.heading ?? ''}\n${passage.text}`), ...Array<string[]>(titleWeight).fill(about).flat()];
      const termCounts = new Map<string, number>();
      for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
      return { passage, termCounts, length: terms.length };
    });
  }

  private analyzer(language: string): LanguageAnalyzer {
    return analyzerFor(language, this.options.stemming);
  }

  /** Robertson–Spärck Jones IDF, never negative; a term no passage has gets the highest. */
  private idf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.articleCount - frequency + 0.5) / (frequency + 0.5));
  }
}
