import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticleFolder } from '../article-folder';
import { evaluateRetrieval, parseQuestions, rankedIdsOf, RetrievalFigures } from './evaluation';
import { answerThreshold, Bm25Ranker, chosenRanking, RankingOptions } from './ranking';
import type { SearchableArticle } from './passages';

const demo = loadArticleFolder(join(__dirname, '../../../demo/knowledge-base')).flatMap((file) =>
  'article' in file ? [file.article] : [],
);
const devQuestions = parseQuestions(readFileSync(join(__dirname, '../../../../../../shared/reference/chat-questions-dev.jsonl'), 'utf8'));
/** Written before the ranking was tuned and never tuned against: cross-language questions, paraphrases, off-topic. */
const heldOutQuestions = parseQuestions(readFileSync(join(__dirname, 'questions-held-out.jsonl'), 'utf8'));

const article = (fields: Partial<SearchableArticle> & Pick<SearchableArticle, 'id' | 'title' | 'body'>): SearchableArticle => ({
  language: 'en',
  tags: [],
  department: 'General',
  feature: null,
  ...fields,
});

describe('BM25 ranking over passages', () => {
  const articles = [
    article({
      id: 'kb-reset',
      title: 'Resetting a password',
      body: '# Resetting a password\n\nClick **Forgot password?** on the login page.\n\n## Locked account\n\nAfter five failed attempts the account is locked.',
      tags: ['password'],
    }),
    article({
      id: 'kb-reset',
      language: 'fr',
      title: 'Réinitialiser un mot de passe',
      body: 'Cliquez sur **Mot de passe oublié ?** sur la page de connexion.',
    }),
    article({ id: 'kb-scorm', title: 'Uploading SCORM packages', body: 'Upload a SCORM zip file to a course.', department: 'Creator' }),
  ];
  const ranker = new Bm25Ranker(articles);

  it('finds the article whose words match, stemmed: "passwords" meets "password"', () => {
    const [hit] = ranker.search({ text: 'locked out, forgot my passwords', language: 'en' });
    expect(hit).toMatchObject({ article: { id: 'kb-reset', language: 'en' } });
    expect(hit!.confidence).toBeGreaterThanOrEqual(answerThreshold);
    expect(hit!.snippet).toContain('locked');
  });

  it('shows the reader its own translation, else English', () => {
    expect(ranker.search({ text: 'mot de passe oublié', language: 'fr' })[0]?.article.language).toBe('fr');
    expect(ranker.search({ text: 'paquete SCORM', language: 'es' })[0]?.article).toMatchObject({ id: 'kb-scorm', language: 'en' });
  });

  it('filters by department and feature', () => {
    expect(ranker.search({ text: 'SCORM password', department: 'Creator' }).map((hit) => hit.article.id)).toEqual(['kb-scorm']);
    expect(ranker.search({ text: 'SCORM', feature: 'Billing' })).toEqual([]);
  });

  it('gives words no article has their full weight against an answer, so off-topic questions score low', () => {
    const [hit] = ranker.search({ text: 'what is the weather in Madrid for a password', language: 'en' });
    expect(hit!.confidence).toBeLessThan(answerThreshold);
    expect(ranker.search({ text: 'hey 👋', language: 'en' })).toEqual([]);
  });
});

describe('retrieval quality on the sample knowledge base', () => {
  const figures = (options: RankingOptions, questions = devQuestions) =>
    evaluateRetrieval(rankedIdsOf(new Bm25Ranker(demo, options)), questions, answerThreshold);
  const row = (name: string, result: RetrievalFigures) =>
    `${name.padEnd(34)} recall@1 ${result.recallAt1.toFixed(2)}  recall@3 ${result.recallAt3.toFixed(2)}  answered ${result.answeredCorrectly.toFixed(2)}  unanswerable answered ${result.unanswerableAnswered.toFixed(2)}`;

  it('loads all 36 sample articles', () => {
    expect(demo).toHaveLength(36);
  });

  it('reports recall at 1 and 3 and unanswerable questions answered, for the chosen ranking and the ones it beat', async () => {
    const rankings: [string, RankingOptions][] = [
      ['BM25, stemmed passages (chosen)', chosenRanking],
      ['BM25, stemmed whole articles', { stemming: true, passages: false }],
      ['BM25, whole words, whole articles', { stemming: false, passages: false }],
      ['BM25, whole words, passages', { stemming: false, passages: true }],
    ];
    const lines: string[] = [];
    for (const [set, questions] of [
      ['dev', devQuestions],
      ['held-out', heldOutQuestions],
    ] as const) {
      lines.push(`${set} questions (${questions.length}), threshold ${answerThreshold}:`);
      for (const [name, options] of rankings) lines.push(row(name, await figures(options, questions)));
    }
    const chosen = await figures(chosenRanking);
    const heldOut = await figures(chosenRanking, heldOutQuestions);
    const wholeArticles = await figures({ stemming: true, passages: false });
    lines.push(`held-out misses of the chosen ranking:`, ...heldOut.misses.map((miss) => JSON.stringify(miss)));
    console.log(lines.join('\n'));
    // Floors a little under the figures recorded in BENCHMARKS.md: a change that loses answers fails here.
    expect(chosen.recallAt1).toBeGreaterThanOrEqual(0.9);
    expect(chosen.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(chosen.unanswerableAnswered).toBeLessThanOrEqual(0.25);
    expect(heldOut.recallAt1).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.unanswerableAnswered).toBeLessThanOrEqual(0.34);
    expect(chosen.recallAt1).toBeGreaterThanOrEqual(wholeArticles.recallAt1);
  });
});
