import { randomUUID } from 'node:crypto';
import type { OpenApiDocument, PageOf } from '@helpgate/platform';
import { agentToken, contactToken } from '../../../../test/support/auth';
import { openApiStructureProblems } from '../../../../test/support/openapi-structure';
import { jsonOk } from '../../../../test/support/json-requests';
import { startServiceInProcess, ServiceInProcess } from '../../../../test/support/service-in-process';
import { chatServiceDefinition } from '../chat.definition';
import type { AdminAnnouncementDto, PublicAnnouncementDto, UnreadCountDto } from './announcement.dto';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('announcements: admin API, the help center list and each reader’s unread count (real Postgres)', () => {
  let chat: ServiceInProcess;

  const anonymous = (path: string, init: RequestInit = {}) => fetch(`${chat.baseUrl}${path}`, init);
  const asAdmin = <T>(method: string, path: string, body?: unknown): Promise<T> => jsonOk<T>(chat, method, path, body);
  const create = (fields: Record<string, unknown>) =>
    asAdmin<AdminAnnouncementDto>('POST', '/announcements', { text: 'See the **release notes**.', ...fields });
  const unread = async (query: string, headers: Record<string, string> = {}) => {
    const response = await anonymous(`/help-center/announcements/unread?${query}`, { headers });
    return { status: response.status, body: (await response.json()) as UnreadCountDto & { code?: string } };
  };
  const markRead = (body: unknown, headers: Record<string, string> = {}) =>
    anonymous('/help-center/announcements/read-mark', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  let everyLanguage: AdminAnnouncementDto;
  let english: AdminAnnouncementDto;
  let scheduled: AdminAnnouncementDto;

  beforeAll(async () => {
    chat = await startServiceInProcess(chatServiceDefinition, { CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false' });
    everyLanguage = await create({ title: 'New course player', publishedFrom: daysAgo(10), link: '/help-center/articles/kb-player' });
    english = await create({ title: 'SCORM 2004 support', publishedFrom: daysAgo(3), language: 'en', link: 'https://lumen.example/blog' });
    await create({ title: 'Nouveau tableau de bord', publishedFrom: daysAgo(2), language: 'fr' });
    scheduled = await create({ title: 'Dark mode', publishedFrom: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('lets admins list every announcement, scheduled ones included and marked unpublished', async () => {
    const page = await asAdmin<PageOf<AdminAnnouncementDto>>('GET', '/announcements');
    expect(page.items.map((item) => [item.title, item.published])).toEqual([
      ['Dark mode', false],
      ['Nouveau tableau de bord', true],
      ['SCORM 2004 support', true],
      ['New course player', true],
    ]);
    expect(english).toMatchObject({ language: 'en', link: 'https://lumen.example/blog', text: 'See the **release notes**.' });
    expect(everyLanguage.language).toBeNull();
    expect((await asAdmin<PageOf<AdminAnnouncementDto>>('GET', '/announcements?language=fr')).total).toBe(1);
    expect(
      (await chat.request('POST', '/announcements', { title: 'x', text: 'y', publishedFrom: daysAgo(1), link: 'javascript:alert(1)' }))
        .status,
    ).toBe(400);
  });

  it('shows the help center the published ones in the reader’s language plus the language-less ones, newest first', async () => {
    const english = (await (await anonymous('/help-center/announcements?language=en')).json()) as PageOf<PublicAnnouncementDto>;
    expect(english.items.map((item) => item.title)).toEqual(['SCORM 2004 support', 'New course player']);
    expect(english.items[0]).not.toHaveProperty('published');
    const french = (await (await anonymous('/help-center/announcements?language=fr')).json()) as PageOf<PublicAnnouncementDto>;
    expect(french.items.map((item) => item.title)).toEqual(['Nouveau tableau de bord', 'New course player']);
  });

  it('counts a visitor’s unread announcements from their read mark, which only moves forward and never past now', async () => {
    const visitorId = randomUUID();
    expect((await unread(`visitorId=${visitorId}&language=en`)).body).toEqual({ unread: 2, readUpTo: null });

    expect((await markRead({ visitorId, readUpTo: everyLanguage.publishedFrom })).status).toBe(204);
    expect((await unread(`visitorId=${visitorId}&language=en`)).body).toEqual({ unread: 1, readUpTo: everyLanguage.publishedFrom });
    expect((await unread(`visitorId=${visitorId}&language=fr`)).body.unread).toBe(1);

    await markRead({ visitorId, readUpTo: daysAgo(20) });
    expect((await unread(`visitorId=${visitorId}&language=en`)).body.readUpTo).toBe(everyLanguage.publishedFrom);

    await markRead({ visitorId, readUpTo: scheduled.publishedFrom });
    const afterAll = (await unread(`visitorId=${visitorId}&language=en`)).body;
    expect(afterAll.unread).toBe(0);
    expect(new Date(afterAll.readUpTo!).getTime()).toBeLessThanOrEqual(Date.now());

    // Another visitor's mark is their own.
    expect((await unread(`visitorId=${randomUUID()}&language=en`)).body.unread).toBe(2);
  });

  it('keys a signed-in contact by their token, on every device, and refuses a reader it cannot tell', async () => {
    const token = { authorization: `Bearer ${contactToken(randomUUID())}` };
    expect((await unread('language=en', token)).body.unread).toBe(2);
    expect((await markRead({ readUpTo: english.publishedFrom }, token)).status).toBe(204);
    expect((await unread(`language=en&visitorId=${randomUUID()}`, token)).body).toEqual({ unread: 0, readUpTo: english.publishedFrom });

    expect((await unread('language=en')).body).toMatchObject({ code: 'announcements.reader_unknown' });
    expect((await markRead({})).status).toBe(422);
    expect((await unread(`visitorId=${randomUUID()}`, { authorization: 'Bearer forged.token.here' })).status).toBe(401);
    expect((await unread('visitorId=not-a-uuid')).status).toBe(400);
  });

  it('shows a rescheduled announcement once it is published, and forgets a deleted one', async () => {
    const visitorId = randomUUID();
    await markRead({ visitorId, readUpTo: english.publishedFrom });
    const announced = await asAdmin<AdminAnnouncementDto>('PATCH', `/announcements/${scheduled.id}`, { publishedFrom: daysAgo(1) });
    expect(announced.published).toBe(true);
    expect((await unread(`visitorId=${visitorId}&language=de`)).body.unread).toBe(1);

    await asAdmin('DELETE', `/announcements/${scheduled.id}`);
    expect((await unread(`visitorId=${visitorId}&language=de`)).body.unread).toBe(0);
    expect((await chat.request('GET', `/announcements/${scheduled.id}`)).status).toBe(404);
    expect((await chat.request('PATCH', `/announcements/${scheduled.id}`, { title: 'Gone' })).status).toBe(404);
  });

  it('keeps the admin API for admins and documents the help center’s token as optional', async () => {
    expect((await chat.request('GET', '/announcements', undefined, { authorization: `Bearer ${agentToken('agent')}` })).status).toBe(403);
    expect((await anonymous('/announcements')).status).toBe(401);
    const document = (await (await anonymous('/openapi.json')).json()) as OpenApiDocument;
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(document.paths['/help-center/announcements/unread']!.get!.security).toEqual([{}, { bearerToken: [] }]);
    expect(document.paths['/announcements']!.post!.security).toEqual([{ bearerToken: [] }]);
  });
});
