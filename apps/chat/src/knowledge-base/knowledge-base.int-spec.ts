import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApiDocument, PageOf } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { openApiStructureProblems } from '../../../../test/support/openapi-structure';
import { jsonOk } from '../../../../test/support/json-requests';
import { startServiceInProcess, ServiceInProcess } from '../../../../test/support/service-in-process';
import { chatServiceDefinition } from '../chat.definition';
import type { AdminArticleDto, PublicArticleDto, SearchResultDto } from './article.dto';
import type { ImportReport } from './article-import-report';
import { KnowledgeBaseRepository } from './knowledge-base.repository';
import { evaluateRetrieval, parseQuestions, RankedIds, rankedIdsOf, RetrievalFigures } from './retrieval/evaluation';
import { answerThreshold, Bm25Ranker } from './retrieval/ranking';

const demoFolder = join(__dirname, '../../demo/knowledge-base');
const demoFile = (path: string) => ({ path, content: readFileSync(join(demoFolder, path), 'utf8') });

describe('knowledge base: demo load, imports, admin API and the public help center (real Postgres)', () => {
  let chat: ServiceInProcess;

  const publicGet = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${chat.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };
  const asAdmin = <T>(method: string, path: string, body?: unknown): Promise<T> => jsonOk<T>(chat, method, path, body);

  beforeAll(async () => {
    chat = await startServiceInProcess(chatServiceDefinition, { CHAT_DEMO_KNOWLEDGE_BASE_DIR: demoFolder });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('loads the 36 demo articles at start into the empty knowledge base', async () => {
    const page = await asAdmin<PageOf<AdminArticleDto>>('GET', '/knowledge-base/articles?limit=200');
    expect(page.total).toBe(36);
    expect(page.items.find((article) => article.id === 'kb-password-reset' && article.language === 'it')).toMatchObject({
      title: 'Reimpostare una password dimenticata',
      department: 'Security',
      published: true,
      updatedAt: '2026-10-01T00:00:00.000Z',
      votes: { helpful: 0, notHelpful: 0 },
    });
  });

  it('re-imports: identical files untouched, a changed one updated, a new one created, a broken one reported', async () => {
    const changed = demoFile('en/webhooks.md');
    changed.content = changed.content.replace('title: ', 'title: Webhooks — ').replace(/\n# .*\n/, '\n# Webhooks, signed\n');
    const report = await asAdmin<ImportReport>('POST', '/knowledge-base/imports', {
      files: [
        demoFile('en/password-reset.md'),
        changed,
        {
          path: 'en/new.md',
          content: '---\nid: kb-new\ntitle: A new article\nlanguage: en\ndepartment: Reports\n---\nHow the quarterly kudos digest is sent.',
        },
        { path: 'en/broken.md', content: 'no front matter here' },
        demoFile('en/password-reset.md'),
      ],
    });
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 1, invalid: 1, duplicate: 1 });
    expect(report.files.map((file) => [file.path, file.outcome])).toEqual([
      ['en/password-reset.md', 'unchanged'],
      ['en/webhooks.md', 'updated'],
      ['en/new.md', 'created'],
      ['en/broken.md', 'invalid'],
      ['en/password-reset.md', 'duplicate'],
    ]);
    expect(report.files[3]!.reason).toContain('front matter');
    // The search index follows the import: the new article is found, the changed one by its new title.
    expect((await publicGet<SearchResultDto[]>('/help-center/search?q=kudos%20digest&language=en')).body[0]).toMatchObject({
      id: 'kb-new',
    });
    expect((await publicGet<PublicArticleDto>('/help-center/articles/kb-webhooks')).body.title).toMatch(/^Webhooks — /);
  });

  it('searches without a token: results with id, title, language, link, score and snippet, filtered and in the reader language', async () => {
    const french = await publicGet<SearchResultDto[]>(
      `/help-center/search?q=${encodeURIComponent('Comment réinitialiser mon mot de passe ?')}&language=fr`,
    );
    expect(french.status).toBe(200);
    expect(french.body[0]).toMatchObject({
      id: 'kb-password-reset',
      language: 'fr',
      link: '/help-center/articles/kb-password-reset?language=fr',
      confident: true,
    });
    expect(french.body[0]!.score).toBeGreaterThan(0.5);
    expect(french.body[0]!.snippet.length).toBeGreaterThan(0);

    const portuguese = await publicGet<SearchResultDto[]>(
      `/help-center/search?q=${encodeURIComponent('Como configuro o SSO SAML com o Okta?')}&language=pt`,
    );
    expect(portuguese.body[0]).toMatchObject({ id: 'kb-sso-saml-setup', language: 'en' });

    const filtered = await publicGet<SearchResultDto[]>('/help-center/search?q=sync&department=Salesforce&feature=User%20sync');
    expect(filtered.body.map((result) => result.id)).toEqual(['kb-salesforce-user-sync']);

    const offTopic = await publicGet<SearchResultDto[]>(
      `/help-center/search?q=${encodeURIComponent('Can I embed a course in SharePoint?')}&language=en`,
    );
    expect(offTopic.body.every((result) => !result.confident)).toBe(true);

    expect((await publicGet('/help-center/search')).status).toBe(400);
  });

  it('reads an article in the asked language, else English, saying so', async () => {
    const italian = await publicGet<PublicArticleDto>('/help-center/articles/kb-password-reset?language=it');
    expect(italian.body).toMatchObject({
      language: 'it',
      requestedLanguage: 'it',
      fallback: false,
      availableLanguages: ['en', 'fr', 'it'],
    });
    const german = await publicGet<PublicArticleDto>('/help-center/articles/kb-password-reset?language=de');
    expect(german.body).toMatchObject({ language: 'en', requestedLanguage: 'de', fallback: true, title: 'Resetting a forgotten password' });
    expect((await publicGet<{ code: string }>('/help-center/articles/kb-nothing')).body).toMatchObject({
      code: 'knowledge_base.article_not_found',
    });
  });

  it('suggests the category articles for the ticket form, narrowed by the subject typed so far', async () => {
    const category = await publicGet<SearchResultDto[]>('/help-center/suggestions?department=Single%20sign-on');
    expect(category.body.map((result) => result.id).sort()).toEqual(['kb-sso-saml-setup', 'kb-sso-troubleshooting']);
    const typed = await publicGet<SearchResultDto[]>(
      `/help-center/suggestions?department=Single%20sign-on&subject=${encodeURIComponent('SSO login error user not found')}`,
    );
    expect(typed.body[0]).toMatchObject({ id: 'kb-sso-troubleshooting' });
  });

  it('quotes articles as plain text near the matched words, in search results and suggestions alike', async () => {
    const id = `kb-snippets-${Date.now().toString(36)}`;
    const department = `Snippets ${id}`;
    const lead = 'Quarterly archives keep every finished course for the auditors. '.repeat(4);
    await asAdmin('POST', '/knowledge-base/articles', {
      id,
      language: 'en',
      title: 'Archiving finished courses',
      department,
      body: [
        '# Archiving finished courses',
        lead,
        'Retention rules',
        '---------------',
        '| Plan | Kept for |',
        '|------|---------:|',
        '| **Pro** | 7 years |',
        '',
        `${'Filler words about nothing in particular here. '.repeat(6)}To restore a zebrawood archive, open [the archive page](https://example.test/archives_(all)) and choose **Restore**.`,
        '```sh',
        '# not a heading',
        '```',
      ].join('\n'),
    });
    const rawMarkdown = /[#*|[\]]|-{2,}|\]\(|https?:/;

    const [found] = (
      await publicGet<SearchResultDto[]>(`/help-center/search?q=${encodeURIComponent('restore zebrawood archive')}&language=en`)
    ).body;
    expect(found).toMatchObject({ id });
    expect(found!.snippet).toContain('To restore a zebrawood archive, open the archive page and choose Restore.');
    expect(found!.snippet).not.toMatch(rawMarkdown);

    const [suggested] = (await publicGet<SearchResultDto[]>(`/help-center/suggestions?department=${encodeURIComponent(department)}`)).body;
    expect(suggested!.snippet).toMatch(/^Quarterly archives keep every finished course for the auditors\. .+…$/);
    expect(suggested!.snippet).not.toMatch(rawMarkdown);
    const [typed] = (
      await publicGet<SearchResultDto[]>(
        `/help-center/suggestions?department=${encodeURIComponent(department)}&subject=${encodeURIComponent('zebrawood archive restore')}`,
      )
    ).body;
    expect(typed!.snippet).toContain('zebrawood');
    expect(typed!.snippet).not.toMatch(rawMarkdown);
  });

  it('takes one helpful vote per visitor and article (a second replaces the first) and shows the counts to admins', async () => {
    const vote = (visitorId: string, helpful: boolean) =>
      fetch(`${chat.baseUrl}/help-center/articles/kb-certificates/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ visitorId, helpful }),
      });
    expect((await vote('visitor-0001', true)).status).toBe(204);
    expect((await vote('visitor-0002', true)).status).toBe(204);
    expect((await vote('visitor-0002', false)).status).toBe(204);
    const page = await asAdmin<PageOf<AdminArticleDto>>('GET', '/knowledge-base/articles?language=en&department=Admin%20menu');
    expect(page.items.find((article) => article.id === 'kb-certificates')!.votes).toEqual({ helpful: 1, notHelpful: 1 });
  });

  it('documents the help center as public and the knowledge base as for admins in a sound API document', async () => {
    const document = (await (await fetch(`${chat.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(document.paths['/help-center/search']!.get).toMatchObject({ security: [] });
    expect(document.paths['/knowledge-base/imports']!.post!.security).not.toEqual([]);
  });

  it('lets admins create, update, unpublish and delete articles; agents and anonymous callers may not', async () => {
    const created = await asAdmin<AdminArticleDto>('POST', '/knowledge-base/articles', {
      id: 'kb-teams',
      language: 'en',
      title: 'Microsoft Teams integration',
      department: 'Apps and add-ons',
      body: 'Install the Lumen Learn app for Microsoft Teams from the Teams store.',
      tags: ['teams'],
    });
    expect(created).toMatchObject({ id: 'kb-teams', published: true, feature: null });
    expect((await chat.request('POST', '/knowledge-base/articles', { ...created, updatedAt: undefined, votes: undefined })).status).toBe(
      409,
    );
    const teams = () => publicGet<SearchResultDto[]>('/help-center/search?q=Microsoft%20Teams');
    expect((await teams()).body[0]).toMatchObject({ id: 'kb-teams' });

    await asAdmin('PATCH', '/knowledge-base/articles/kb-teams/en', { published: false });
    expect((await teams()).body.map((result) => result.id)).not.toContain('kb-teams');
    expect((await publicGet('/help-center/articles/kb-teams')).status).toBe(404);

    await asAdmin('DELETE', '/knowledge-base/articles/kb-teams/en');
    expect((await chat.request('DELETE', '/knowledge-base/articles/kb-teams/en')).status).toBe(404);

    const asAgent = await chat.request('GET', '/knowledge-base/articles', undefined, { authorization: `Bearer ${agentToken('agent')}` });
    expect(asAgent.status).toBe(403);
    expect((await fetch(`${chat.baseUrl}/knowledge-base/articles`)).status).toBe(401);
  });
});

describe('retrieval compared: in-process BM25 against Postgres full-text search with a configuration per language', () => {
  let chat: ServiceInProcess;

  beforeAll(async () => {
    chat = await startServiceInProcess(chatServiceDefinition, { CHAT_DEMO_KNOWLEDGE_BASE_DIR: demoFolder });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('reports both on the dev and held-out questions: they rank alike, only BM25 tells unanswerable questions apart', async () => {
    const repository = chat.app.get(KnowledgeBaseRepository);
    const dev = parseQuestions(readFileSync(join(__dirname, '../../../../../shared/reference/chat-questions-dev.jsonl'), 'utf8'));
    const heldOut = parseQuestions(readFileSync(join(__dirname, 'retrieval/questions-held-out.jsonl'), 'utf8'));
    const bm25 = rankedIdsOf(new Bm25Ranker(await repository.allPublished()));
    const fullText: RankedIds = async (question) =>
      (await repository.fullTextSearch(question.q, 3)).map((hit) => ({ id: hit.id, confidence: hit.rank }));
    // Full-text ranks have no natural threshold: it gets its best one on the dev questions, an advantage BM25 lacks.
    const sweep = await Promise.all([0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((threshold) => evaluateRetrieval(fullText, dev, threshold)));
    const net = (figures: RetrievalFigures) => figures.answeredCorrectly - figures.unanswerableAnswered;
    const fullTextThreshold = sweep.reduce((left, right) => (net(right) > net(left) ? right : left)).threshold;
    const figures = {
      bm25: { dev: await evaluateRetrieval(bm25, dev, answerThreshold), heldOut: await evaluateRetrieval(bm25, heldOut, answerThreshold) },
      fullText: {
        dev: await evaluateRetrieval(fullText, dev, fullTextThreshold),
        heldOut: await evaluateRetrieval(fullText, heldOut, fullTextThreshold),
      },
    };
    const row = (name: string, result: RetrievalFigures) =>
      `${name.padEnd(48)} recall@1 ${result.recallAt1.toFixed(2)}  recall@3 ${result.recallAt3.toFixed(2)}  answered ${result.answeredCorrectly.toFixed(2)}  unanswerable answered ${result.unanswerableAnswered.toFixed(2)}  (threshold ${result.threshold})`;
    console.log(
      [
        row('dev: BM25 over stemmed passages (chosen)', figures.bm25.dev),
        row('dev: Postgres full-text search, per language', figures.fullText.dev),
        row('held-out: BM25 over stemmed passages (chosen)', figures.bm25.heldOut),
        row('held-out: Postgres full-text search', figures.fullText.heldOut),
      ].join('\n'),
    );
    const firstHits = ({ dev: inDev, heldOut: inHeldOut }: { dev: RetrievalFigures; heldOut: RetrievalFigures }) =>
      Math.round(inDev.recallAt1 * inDev.answerable + inHeldOut.recallAt1 * inHeldOut.answerable);
    expect(firstHits(figures.bm25)).toBeGreaterThanOrEqual(firstHits(figures.fullText));
    expect(figures.bm25.dev.unanswerableAnswered).toBeLessThan(figures.fullText.dev.unanswerableAnswered);
    expect(figures.bm25.heldOut.unanswerableAnswered).toBeLessThan(figures.fullText.heldOut.unanswerableAnswered);
  });
});

describe('knowledge base with the demo load turned off', () => {
  it('starts empty', async () => {
    const chat = await startServiceInProcess(chatServiceDefinition, { CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false' });
    try {
      const page = (await (await chat.fetch('/knowledge-base/articles')).json()) as PageOf<AdminArticleDto>;
      expect(page.total).toBe(0);
    } finally {
      await chat.close();
    }
  });
});
