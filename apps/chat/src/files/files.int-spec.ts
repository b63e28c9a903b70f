import { randomUUID } from 'node:crypto';
import type { ChatFileRef } from '@helpgate/contracts';
import type { OpenApiDocument } from '@helpgate/platform';
import { agentToken, contactToken } from '../../../../test/support/auth';
import { openApiStructureProblems } from '../../../../test/support/openapi-structure';
import { ChatClient, ChatUnderTest, clientId, startChat, VisitorClient } from '../../test/chat-under-test';
import type { ConversationView, MessageView } from '../protocol/protocol';

const screenshot = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]);
const maxFileBytes = 1024;
const maxFilesTotalBytes = 2048;

const file = (filename: string, content: Buffer, contentType?: string) => ({
  filename,
  contentBase64: content.toString('base64'),
  ...(contentType ? { contentType } : {}),
});

describe('files in chat: upload, send, download by participants only (real Postgres and Kafka, socket.io and HTTP)', () => {
  let chat: ChatUnderTest;
  let agentId: string;
  let agent: ChatClient;

  beforeAll(async () => {
    chat = await startChat({ CHAT_MAX_FILE_BYTES: String(maxFileBytes), CHAT_MAX_FILES_TOTAL_BYTES: String(maxFilesTotalBytes) });
    agentId = (await chat.knownAgent({ chatCapacity: 100 })).id;
    agent = await chat.agent(agentId);
  });

  afterAll(async () => {
    await chat?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (conversationId: string, token: string, files: unknown[]) =>
    chat.request('POST', `/conversations/${conversationId}/files`, { files }, bearer(token));
  const download = (fileId: string, token: string) => chat.request('GET', `/files/${fileId}`, undefined, bearer(token));
  const uploaded = async (conversationId: string, token: string, files: unknown[]) => {
    const response = await upload(conversationId, token, files);
    expect(response.status).toBe(201);
    return ((await response.json()) as { files: ChatFileRef[] }).files;
  };
  const refusal = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { code: string }).code });

  /** A visitor whose conversation the agent has, so both may post files to it. */
  async function conversationWithAgent(): Promise<{ visitor: VisitorClient; conversationId: string }> {
    const visitor = await chat.visitor();
    const first = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'It crashes, see my screenshot' });
    await agent.next<ConversationView>('conversation.assigned', (c) => c.id === first.conversationId);
    return { visitor, conversationId: first.conversationId };
  }

  it('takes a screenshot from the visitor, sends it in a message, and lets the agent and any agent download it', async () => {
    const { visitor, conversationId } = await conversationWithAgent();
    // The declared type is not what chat stores: the bytes say PNG.
    const [stored] = await uploaded(conversationId, visitor.visitorToken!, [
      file('screen shot é.png', screenshot, 'application/x-anything'),
    ]);
    expect(stored).toEqual({
      id: expect.any(String),
      filename: 'screen shot é.png',
      contentType: 'image/png',
      sizeBytes: screenshot.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const sent = { conversationId, clientId: clientId(), text: 'Here', fileIds: [stored!.id] };
    expect((await visitor.request<MessageView>('message.send', sent)).files).toEqual([stored]);
    expect((await agent.next<MessageView>('message', (m) => m.clientId === sent.clientId)).files).toEqual([stored]);

    for (const token of [agentToken('agent', agentId), agentToken('agent', randomUUID())]) {
      const response = await download(stored!.id, token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''screen%20shot%20%C3%A9.png`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(screenshot);
    }
    expect((await download(stored!.id, visitor.visitorToken!)).status).toBe(200);
  });

  it('lets the agent assigned upload too, but not another agent; the visitor downloads what the agent sent', async () => {
    const { visitor, conversationId } = await conversationWithAgent();
    const [fromAgent] = await uploaded(conversationId, agentToken('agent', agentId), [
      file('steps.txt', Buffer.from('1. Open settings\n2. Reset\n')),
    ]);
    expect(fromAgent).toMatchObject({ contentType: 'text/plain; charset=utf-8' });
    expect(await refusal(await upload(conversationId, agentToken('agent', randomUUID()), [file('x.txt', Buffer.from('x'))]))).toEqual({
      status: 403,
      code: 'not_assigned_to_you',
    });
    const response = await download(fromAgent!.id, visitor.visitorToken!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1. Open settings\n2. Reset\n');
  });

  it('answers another visitor, an unknown token or none as if the conversation and file did not exist, or unauthenticated', async () => {
    const { visitor, conversationId } = await conversationWithAgent();
    const [stored] = await uploaded(conversationId, visitor.visitorToken!, [file('screen.png', screenshot)]);
    const stranger = await chat.visitor();
    expect(await refusal(await download(stored!.id, stranger.visitorToken!))).toEqual({ status: 404, code: 'file_not_found' });
    expect(await refusal(await upload(conversationId, stranger.visitorToken!, [file('x.png', screenshot)]))).toEqual({
      status: 404,
      code: 'conversation_not_found',
    });
    // A contact with no part in the conversation is a stranger too.
    expect(await refusal(await download(stored!.id, contactToken(randomUUID())))).toEqual({ status: 404, code: 'file_not_found' });
    const forged = `hgv1.${stranger.visitorId}.${'A'.repeat(43)}`;
    expect(await refusal(await download(stored!.id, forged))).toEqual({ status: 401, code: 'unauthenticated' });
    const anonymous = await fetch(`${chat.baseUrl}/files/${stored!.id}`);
    expect(anonymous.status).toBe(401);
    expect((await download(randomUUID(), agentToken())).status).toBe(404);
  });

  it('lets a contact signed in from the portal upload to and download from its own conversations', async () => {
    const contactId = randomUUID();
    const visitor = await chat.visitor({ contactToken: contactToken(contactId) });
    const first = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Hello from the portal' });
    const [stored] = await uploaded(first.conversationId, contactToken(contactId), [file('invoice.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'))]);
    expect(stored).toMatchObject({ contentType: 'application/pdf' });
    expect((await download(stored!.id, contactToken(contactId))).status).toBe(200);
  });

  it('refuses files past the limits with a code naming the limit, at upload and when a message gathers several uploads', async () => {
    const { visitor, conversationId } = await conversationWithAgent();
    const token = visitor.visitorToken!;
    const small = (name: string) => file(name, Buffer.alloc(maxFileBytes, 'a'));
    expect(await refusal(await upload(conversationId, token, [small('1'), small('2'), small('3'), small('4')]))).toEqual({
      status: 422,
      code: 'too_many_files',
    });
    expect(await refusal(await upload(conversationId, token, [file('big.bin', Buffer.alloc(maxFileBytes + 1))]))).toEqual({
      status: 422,
      code: 'file_too_large',
    });
    expect(await refusal(await upload(conversationId, token, [small('1'), small('2'), file('3', Buffer.from('a'))]))).toEqual({
      status: 422,
      code: 'files_too_large',
    });
    // A body far past what any upload within the limits needs is refused before it is read.
    expect(await refusal(await upload(conversationId, token, [file('huge.bin', Buffer.alloc(200 * 1024))]))).toEqual({
      status: 413,
      code: 'request.body_too_large',
    });
    const separately = [
      ...(await uploaded(conversationId, token, [small('a.txt'), small('b.txt')])),
      ...(await uploaded(conversationId, token, [small('c.txt')])),
    ];
    const refused = await visitor.request<{ error: { code: string } }>('message.send', {
      conversationId,
      clientId: clientId(),
      text: 'All three',
      fileIds: separately.map((stored) => stored.id),
    });
    expect(refused.error).toMatchObject({ code: 'files_too_large' });
    const { rowCount } = await chat.database.query(`SELECT 1 FROM chat_messages WHERE conversation_id = $1 AND text = 'All three'`, [
      conversationId,
    ]);
    expect(rowCount).toBe(0);
  });

  it('serves a hostile HTML or SVG file only as an attachment of no renderable type, with nosniff', async () => {
    const { visitor, conversationId } = await conversationWithAgent();
    const hostile = [
      file('invoice.html', Buffer.from('<!doctype html><script>fetch("/steal?" + document.cookie)</script>'), 'text/html'),
      file('logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>'), 'image/svg+xml'),
    ];
    const stored = await uploaded(conversationId, visitor.visitorToken!, hostile);
    expect(stored.map((one) => one.contentType)).toEqual(['application/octet-stream', 'application/octet-stream']);
    for (const one of stored) {
      const response = await download(one.id, agentToken('agent', agentId));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${one.filename}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('documents both routes as checking their own tokens, with their answers, in a sound API document', async () => {
    const document = (await (await fetch(`${chat.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
    expect(openApiStructureProblems(document)).toEqual([]);
    const uploadRoute = document.paths['/conversations/{id}/files']!.post!;
    expect(uploadRoute.security).toEqual([{ bearerToken: [] }]);
    expect(Object.keys(uploadRoute.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '404', '413', '422']));
    expect(document.paths['/files/{id}']!.get!.responses['200']).toMatchObject({ content: { 'application/octet-stream': {} } });
  });
});
