import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { chatRequesterResolved } from '../../../../test/support/chat-visitor-events';
import { contactAnonymized, contactChanged } from '../../../../test/support/events';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { findPersonalData } from '../../../../test/support/personal-data';
import { aiAnswerTo, say } from '../../test/ai-conversations';
import { ChatUnderTest, startChat } from '../../test/chat-under-test';
import type { ConversationView } from '../protocol/protocol';

describe('chat forgets a contact identity erased, and events arriving after the erasure never bring it back (real Kafka and Postgres)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    // The built-in agent keeps the conversation open (with nobody online a conversation for people becomes a ticket).
    chat = await startChat({ CHAT_AI_AGENT: 'builtin', CHAT_PRE_CHAT_FORM: 'true' });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('ignores a chat-requester answer and a contact change about the contact handled after its erasure', async () => {
    const person = { name: `Erin ${randomUUID().slice(0, 8)}`, email: `erin-${randomUUID()}@acme.test` };
    const contactId = randomUUID();
    const visitor = await chat.visitor();
    const conversation = await visitor.request<ConversationView>('conversation.start', person);
    await aiAnswerTo(
      visitor,
      await say(visitor, `Hello, I am ${person.name}, write to ${person.email}`, { conversationId: conversation.id }),
    );
    expect(await findPersonalData(chat.database, [person.email, person.name])).not.toEqual([]);

    // identity resolved the visitor to the contact, then erased it; chat handles the erasure first.
    const requester = { contactId, email: person.email, name: person.name, organizationId: randomUUID(), organizationName: 'Acme' };
    const lateAnswer = { ...chatRequesterResolved(requester, undefined, conversation.id), visitorId: visitor.visitorId };
    const lateChange = contactChanged(requester);
    await chat.handled(
      Topics.IdentityContactAnonymized,
      contactId,
      contactAnonymized(contactId, { emails: [person.email], names: [person.name] }),
    );
    await chat.handled(Topics.IdentityChatRequesterResolved, conversation.id, lateAnswer);
    await chat.handled(Topics.IdentityContactChanged, contactId, lateChange);

    expect(await findPersonalData(chat.database, [person.email, person.name])).toEqual([]);
    const visitorRow = await chat.database.query('SELECT name, email, contact_id FROM visitors WHERE id = $1', [visitor.visitorId]);
    expect(visitorRow.rows).toEqual([{ name: null, email: null, contact_id: null }]);
    expect((await chat.database.query('SELECT 1 FROM chat_contacts WHERE id = $1', [contactId])).rowCount).toBe(0);
    expect((await chat.database.query('SELECT contact_id FROM chat_erased_contacts WHERE contact_id = $1', [contactId])).rows).toEqual([
      { contact_id: contactId },
    ]);

    // Anyone else is still learned.
    const someoneElse = {
      contactId: randomUUID(),
      email: `sam-${randomUUID()}@acme.test`,
      name: 'Sam Kept',
      organizationId: randomUUID(),
      organizationName: 'Acme',
    };
    await chat.handled(Topics.IdentityContactChanged, someoneElse.contactId, contactChanged(someoneElse));
    expect((await chat.database.query('SELECT email FROM chat_contacts WHERE id = $1', [someoneElse.contactId])).rows).toEqual([
      { email: someoneElse.email },
    ]);
  });

  it('migration ErasedContacts1764000001400 goes down and up again', async () => {
    const dataSource = chat.app.get(DataSource);
    const erasedTable = async () =>
      ((await dataSource.query(`SELECT to_regclass('chat_erased_contacts') AS erased`)) as { erased: string | null }[])[0];
    await undoMigrationsThrough(dataSource, 'ErasedContacts1764000001400');
    expect(await erasedTable()).toEqual({ erased: null });
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await erasedTable()).toEqual({ erased: 'chat_erased_contacts' });
  });
});
