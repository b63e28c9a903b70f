import { randomUUID } from 'node:crypto';
import { EmailOutboundFailedV1, Topics } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import { identityServiceDefinition } from '../identity.definition';

interface Contact {
  id: string;
  undeliverable: { email: string; reason: string | null }[];
}

describe('identity marks an address undeliverable when mail to it bounced permanently (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  const contactOf = async (email: string) =>
    ((await (await identity.fetch(`/contacts?email=${encodeURIComponent(email)}`)).json()) as { items: Contact[] }).items[0];

  const failure = (contactId: string, recipient: string, status: string, permanent: boolean): EmailOutboundFailedV1 => ({
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    requestId: randomUUID(),
    messageId: '<hg.x@helpgate.test>',
    kind: 'acknowledgement',
    contactId,
    source: 'bounce',
    permanent,
    recipients: [recipient],
    status,
    error: 'mailbox unavailable',
    failedAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    for (const address of ['gone@acme.test', 'full@acme.test']) {
      await identity.kafka.produce(Topics.EmailInboundReceived, [
        { value: JSON.stringify(emailInboundReceived(inboundMail({ from: { address } }))) },
      ]);
    }
    await eventually(async () => expect(await contactOf('full@acme.test')).toBeDefined());
    await eventually(async () => expect(await contactOf('gone@acme.test')).toBeDefined());
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('marks the address on a permanent 5.1.1, and leaves it alone for a full mailbox', async () => {
    const gone = await contactOf('gone@acme.test');
    const full = await contactOf('full@acme.test');
    await identity.kafka.produce(Topics.EmailOutboundFailed, [
      { value: JSON.stringify(failure(full.id, 'full@acme.test', '5.2.2', true)) },
      { value: JSON.stringify(failure(gone.id, 'gone@acme.test', '5.1.1', true)) },
    ]);
    await eventually(async () =>
      expect((await contactOf('gone@acme.test')).undeliverable).toEqual([expect.objectContaining({ email: 'gone@acme.test' })]),
    );
    expect((await contactOf('full@acme.test')).undeliverable).toEqual([]);
  });
});
