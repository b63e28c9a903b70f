import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PageOf, SettingChange } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import { ChatClient, ChatUnderTest, clientId, startChat } from '../../test/chat-under-test';

import type { MessageView, QueueEntryView } from '../protocol/protocol';
import type { BusinessHoursSettings } from './business-hours-settings';

describe('business hours admins change through the API, which handoff decides by (real Postgres and Kafka)', () => {
  const adminId = randomUUID();
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  let chat: ChatUnderTest;
  let agent: ChatClient;

  const call = async <T>(method: string, path: string, body?: unknown, role: 'admin' | 'agent' = 'admin') => {
    const response = await chat.request(method, path, body, { authorization: `Bearer ${agentToken(role, adminId)}` });
    return { status: response.status, body: (await response.json()) as T };
  };
  /** An anonymous visitor asks for a person: answers how chat took it (queued, or why it asks an email for a ticket). */
  const askForPerson = async () => {
    const visitor = await chat.visitor();
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Help' });
    return Promise.race([
      agent.next<QueueEntryView>('queue.added', (entry) => entry.conversationId === conversationId).then(() => 'queued'),
      visitor.next<{ reason: string }>('email.required').then(({ reason }) => reason),
    ]);
  };

  beforeAll(async () => {
    chat = await startChat({ CHAT_BUSINESS_HOURS: 'mon-sun 00:00-24:00', CHAT_TIME_ZONE: 'Europe/Zurich' });
    agent = await chat.agent((await chat.knownAgent()).id);
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('starts from the configuration’s hours, which agents may read', async () => {
    expect(await call('GET', '/business-hours', undefined, 'agent')).toEqual({
      status: 200,
      body: { schedule: 'mon-sun 00:00-24:00', timeZone: 'Europe/Zurich', holidays: '' },
    });
    expect(await askForPerson()).toBe('queued');
  });

  it('refuses changes from agents who are not admins, and parts it cannot read with the reason', async () => {
    expect(await call('PATCH', '/business-hours', { holidays: day(0) }, 'agent')).toMatchObject({
      status: 403,
      body: { code: 'auth.wrong_audience' },
    });
    expect(await call('PATCH', '/business-hours', { schedule: 'weekdays 9-5', timeZone: 'Europe/Atlantis' })).toMatchObject({
      status: 400,
      body: {
        code: 'request.invalid_input',
        details: expect.arrayContaining([
          { path: 'schedule', message: expect.stringContaining('"weekdays" in "weekdays 9-5" must be a day') },
          { path: 'timeZone', message: expect.stringContaining('"Europe/Atlantis" is not an IANA time zone') },
        ]),
      },
    });
    expect((await call('GET', '/business-hours')).body).toMatchObject({ schedule: 'mon-sun 00:00-24:00', timeZone: 'Europe/Zurich' });
  });

  it('decides the next handoff by an admin’s change, audited with who made it', async () => {
    // Yesterday to tomorrow in UTC covers today in Zurich, whatever the hour.
    const holidays = `${day(-1)}, ${day(0)}, ${day(1)}`;
    expect(await call<BusinessHoursSettings>('PATCH', '/business-hours', { holidays })).toEqual({
      status: 200,
      body: { schedule: 'mon-sun 00:00-24:00', timeZone: 'Europe/Zurich', holidays },
    });
    expect(await askForPerson()).toBe('outside_business_hours');

    const audit = await call<PageOf<SettingChange>>('GET', '/business-hours/audit');
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actor: `agent:${adminId}`, setting: 'holidays', oldValue: '', newValue: holidays }),
    ]);

    await call('PATCH', '/business-hours', { holidays: '' });
    expect(await askForPerson()).toBe('queued');
  });

  it('drops the stored hours with migration BusinessHours1764000001420 down (the configuration’s apply) and keeps changes after up', async () => {
    await call('PATCH', '/business-hours', { schedule: 'mon-fri 09:00-17:00' });
    const dataSource = chat.app.get(DataSource);
    await undoMigrationsThrough(dataSource, 'BusinessHours1764000001420');
    const tables = async () =>
      (
        (await dataSource.query(`SELECT count(*)::int AS count FROM pg_tables WHERE tablename LIKE 'business_hours_settings%'`)) as {
          count: number;
        }[]
      )[0]!.count;
    expect(await tables()).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toBe(2);
    expect((await call('GET', '/business-hours')).body).toMatchObject({ schedule: 'mon-sun 00:00-24:00' });
  });
});
