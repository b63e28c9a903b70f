import { randomUUID } from 'node:crypto';
import { Topics } from '@helpgate/contracts';
import { contactToken } from '../../../../test/support/auth';
import { chatRequesterResolved } from '../../../../test/support/chat-visitor-events';
import { eventually } from '../../../../test/support/infra';
import { ChatUnderTest, startChat } from '../../test/chat-under-test';
import type { ConversationView } from '../protocol/protocol';

describe('the pre-chat step: name and email first, then the conversation is the contact identity found (real Kafka and Postgres)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat({ CHAT_PRE_CHAT_FORM: 'true' });
    await chat.agent((await chat.knownAgent()).id);
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('asks for name and email, tells identity, and links the visitor to the contact identity resolved', async () => {
    const visitor = await chat.visitor();
    expect(await visitor.request('conversation.start', { name: 'Jane Doe' })).toMatchObject({
      error: { code: 'pre_chat_required', event: 'conversation.start' },
    });
    const conversation = await visitor.request<ConversationView>('conversation.start', { name: 'Jane Doe', email: 'jane@acme.test' });

    const [identified] = await eventually(() => {
      const published = chat.published(Topics.ChatVisitorIdentified, conversation.id);
      expect(published).toHaveLength(1);
      return published;
    });
    expect(identified!.visitor).toEqual({ visitorId: visitor.visitorId, name: 'Jane Doe', email: 'jane@acme.test' });

    // identity's answer, as it publishes it once it found or created the contact for that address.
    const contactId = randomUUID();
    const requester = { contactId, email: 'jane@acme.test', name: 'Jane Doe', organizationId: randomUUID(), organizationName: 'Acme' };
    const resolved = { ...chatRequesterResolved(requester, undefined, conversation.id), visitorId: visitor.visitorId };
    await chat.handled(Topics.IdentityChatRequesterResolved, conversation.id, resolved);

    const linked = await chat.database.query('SELECT contact_id FROM visitors WHERE id = $1', [visitor.visitorId]);
    expect(linked.rows).toEqual([{ contact_id: contactId }]);
    // The contact signed in on the portal, from another device, finds the conversation it had as an anonymous visitor.
    const asContact = await chat.visitor({ contactToken: contactToken(contactId) });
    const { conversations } = await asContact.request<{ conversations: ConversationView[] }>('conversations.list');
    expect(conversations.map((listed) => listed.id)).toEqual([conversation.id]);
    // Someone else's conversations stay theirs.
    const stranger = await chat.visitor({ contactToken: contactToken(randomUUID()) });
    expect((await stranger.request<{ conversations: ConversationView[] }>('conversations.list')).conversations).toEqual([]);
  });
});
