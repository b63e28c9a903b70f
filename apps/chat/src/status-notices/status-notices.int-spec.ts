import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import type { OpenApiDocument, PageOf } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { openApiStructureProblems } from '../../../../test/support/openapi-structure';
import { jsonOk } from '../../../../test/support/json-requests';
import { startServiceInProcess, ServiceInProcess } from '../../../../test/support/service-in-process';
import { chatServiceDefinition } from '../chat.definition';
import type { BannerIncidentDto, IncidentDto, StatusPageDto } from './incident.dto';

type FeedItem = { title: string; link: string; description: string; category: string; guid: { '#text': string } };

describe('status notices: incidents and updates for admins, the public status page, banner and RSS feed (real Postgres)', () => {
  let chat: ServiceInProcess;

  const publicGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${chat.baseUrl}${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const asAdmin = <T>(method: string, path: string, body?: unknown): Promise<T> => jsonOk<T>(chat, method, path, body);
  const refusal = async (method: string, path: string, body?: unknown) => {
    const response = await chat.request(method, path, body);
    return { status: response.status, code: ((await response.json()) as { code: string }).code };
  };
  const updatesOf = (id: string) => `/status-notices/incidents/${id}/updates`;
  const openIncident = (fields: Record<string, unknown>) => asAdmin<IncidentDto>('POST', '/status-notices/incidents', fields);
  const postUpdate = (id: string, status: string, text: string) => asAdmin<IncidentDto>('POST', updatesOf(id), { status, text });
  const feedItems = async () => {
    const response = await fetch(`${chat.baseUrl}/status/feed.rss`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = (
      new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as { rss: { channel: { item?: FeedItem | FeedItem[] } } }
    ).rss.channel;
    return channel.item === undefined ? [] : [channel.item].flat();
  };

  beforeAll(async () => {
    chat = await startServiceInProcess(chatServiceDefinition, {
      CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false',
      CHAT_PUBLIC_URL: 'https://chat.lumen.example/',
    });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('takes an incident from investigating to resolved, one dated update each time, refusing moves back and updates after', async () => {
    const opened = await openIncident({
      title: 'Video uploads fail',
      feature: 'Course authoring',
      region: 'EU',
      text: 'Uploads over 1 GB fail; we are looking into it.',
    });
    expect(opened).toMatchObject({ status: 'investigating', region: 'EU', resolvedAt: null, updates: [{ status: 'investigating' }] });
    expect(opened.updatedAt).toBe(opened.openedAt);

    await postUpdate(opened.id, 'identified', 'A storage node is full.');
    expect(await refusal('POST', updatesOf(opened.id), { status: 'investigating', text: 'Hm.' })).toEqual({
      status: 422,
      code: 'status_notices.status_backwards',
    });
    await postUpdate(opened.id, 'identified', 'Moving files to a new node.');
    const resolved = await postUpdate(opened.id, 'resolved', 'Uploads work again.');
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedAt).toBe(resolved.updatedAt);
    expect(resolved.updates.map((update) => [update.status, update.text])).toEqual([
      ['resolved', 'Uploads work again.'],
      ['identified', 'Moving files to a new node.'],
      ['identified', 'A storage node is full.'],
      ['investigating', 'Uploads over 1 GB fail; we are looking into it.'],
    ]);
    expect(await refusal('POST', updatesOf(opened.id), { status: 'resolved', text: 'Again.' })).toEqual({
      status: 422,
      code: 'status_notices.incident_resolved',
    });
    expect((await asAdmin<IncidentDto>('GET', `/status-notices/incidents/${opened.id}`)).updates).toHaveLength(4);
  });

  it('shows open incidents first, then recently resolved ones; the banner only the open ones; the feed one item per update', async () => {
    const signIn = await openIncident({
      title: 'SSO sign-in is <slow> & "flaky"',
      feature: 'Single sign-on',
      status: 'identified',
      text: 'An identity provider answers slowly </description><script>alert(1)</script>',
    });
    const old = await openIncident({
      title: 'Reports delayed',
      feature: 'Reports',
      text: 'Late.',
    });
    await postUpdate(old.id, 'resolved', 'Caught up.');
    // Resolved long ago: past CHAT_STATUS_RESOLVED_DAYS (7 by default), so no longer shown.
    await chat.app.get(DataSource).query(`UPDATE status_incidents SET resolved_at = now() - interval '8 days' WHERE id = $1`, [old.id]);

    const page = await publicGet<StatusPageDto>('/status');
    expect(page.resolvedShownDays).toBe(7);
    expect(page.incidents.map((incident) => [incident.title, incident.status])).toEqual([
      ['SSO sign-in is <slow> & "flaky"', 'identified'],
      ['Video uploads fail', 'resolved'],
    ]);
    expect(page.incidents[1]!.updates).toHaveLength(4);

    expect(await publicGet<BannerIncidentDto[]>('/status/banner')).toEqual([
      {
        id: signIn.id,
        title: signIn.title,
        feature: 'Single sign-on',
        region: null,
        status: 'identified',
        latestUpdate: signIn.updates[0]!.text,
        updatedAt: signIn.updatedAt,
      },
    ]);

    const items = await feedItems();
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({
      title: 'Identified: SSO sign-in is <slow> & "flaky"',
      description: 'An identity provider answers slowly </description><script>alert(1)</script>',
      link: `https://chat.lumen.example/status#${signIn.id}`,
      category: 'Single sign-on',
      guid: { '#text': `${signIn.id}/1` },
    });
    expect(items.map((item) => item.guid['#text']).sort()).toEqual(
      [1, 2, 3, 4]
        .map((position) => `${page.incidents[1]!.id}/${position}`)
        .concat(`${signIn.id}/1`)
        .sort(),
    );

    await postUpdate(signIn.id, 'resolved', 'Sign-ins are fast again.');
    expect(await publicGet<BannerIncidentDto[]>('/status/banner')).toEqual([]);
    expect(await feedItems()).toHaveLength(6);
  });

  it('lists incidents by state for admins, and refuses what it cannot take', async () => {
    const open = await asAdmin<PageOf<IncidentDto>>('GET', '/status-notices/incidents?state=open');
    expect(open.total).toBe(0);
    const resolved = await asAdmin<PageOf<IncidentDto>>('GET', '/status-notices/incidents?state=resolved');
    expect(resolved.items.map((incident) => incident.title)).toEqual([
      'Reports delayed',
      'SSO sign-in is <slow> & "flaky"',
      'Video uploads fail',
    ]);

    expect(
      (await refusal('POST', '/status-notices/incidents', { title: 'x', feature: 'Reports', status: 'resolved', text: 'y' })).status,
    ).toBe(400);
    expect(
      await refusal('POST', '/status-notices/incidents/8d2f4a8e-3c1b-4f6a-9e0d-7b5c2a1f3e4d/updates', { status: 'resolved', text: 'y' }),
    ).toEqual({
      status: 404,
      code: 'status_notices.incident_not_found',
    });
    expect(
      (await chat.request('GET', '/status-notices/incidents', undefined, { authorization: `Bearer ${agentToken('agent')}` })).status,
    ).toBe(403);
    expect((await fetch(`${chat.baseUrl}/status-notices/incidents`)).status).toBe(401);
  });

  it('documents the status routes as public, the feed as RSS, in a sound API document', async () => {
    const document = (await (await fetch(`${chat.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(document.paths['/status/feed.rss']!.get).toMatchObject({
      security: [],
      responses: { 200: { content: { 'application/rss+xml': {} } } },
    });
    expect(document.paths['/status-notices/incidents']!.post!.security).toEqual([{ bearerToken: [] }]);
  });
});
