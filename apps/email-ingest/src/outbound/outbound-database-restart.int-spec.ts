import { setTimeout as sleep } from 'node:timers/promises';
import { EmailOutboundDeliveredV1, Topics } from '@helpgate/contracts';
import { DedicatedPostgres } from '../../../../test/support/dedicated-postgres';
import { outboundRequested } from '../../../../test/support/events';
import { eventually, freePort } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { TestRelay } from '../../../../test/support/test-relay';
import { emailIngestServiceDefinition } from '../email-ingest.definition';

describe('outbound mail while the database restarts', () => {
  let postgres: DedicatedPostgres;
  let relay: TestRelay;
  let ingest: ServiceInProcess;

  beforeAll(async () => {
    postgres = await DedicatedPostgres.start('outbound-restart');
    relay = await TestRelay.start();
    ingest = await startServiceInProcess(emailIngestServiceDefinition, {
      DATABASE_URL: postgres.url,
      SMTP_RELAY_URL: relay.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(await freePort()),
    });
    await ingest.kafka.record(Topics.EmailOutboundDelivered);
  }, 180_000);

  afterAll(async () => {
    try {
      await postgres?.restart();
      await ingest?.close();
      await relay?.close();
    } finally {
      await postgres?.remove();
    }
  });

  it('records a mail the relay took while the database was away once it is back, and never sends it twice', async () => {
    const request = outboundRequested();
    const release = relay.holdReplies();
    await ingest.kafka.produce(Topics.EmailOutboundRequested, [{ key: request.mail.requestId, value: JSON.stringify(request) }]);
    await eventually(() => expect(relay.received.map((mail) => mail.parsed.messageId)).toEqual([request.mail.messageId]), 30_000);

    // The relay answers 250 while nothing can be written; the database is back a little later.
    await postgres.stopImmediately();
    release();
    await sleep(2_000);
    await postgres.restart();

    const delivered = await eventually(() => {
      const events = ingest.kafka
        .events<EmailOutboundDeliveredV1>(Topics.EmailOutboundDelivered)
        .filter((event) => event.requestId === request.mail.requestId);
      expect(events).toHaveLength(1);
      return events[0];
    }, 30_000);
    expect(delivered).toMatchObject({ messageId: request.mail.messageId, relayResponse: expect.stringMatching(/^250 /) });
    expect(relay.received).toHaveLength(1);
  }, 120_000);
});
