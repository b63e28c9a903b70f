import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, IdentityCustomerSuccessRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { DEAD_LETTER_HEADERS } from '@helpgate/kafka';
import { customerSuccessRequest, customerSuccessSubmitted } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import type { ContactActivityPageDto } from '../contacts/contact-activity.dto';
import type { ContactResponseDto } from '../contacts/contact.dto';
import { identityServiceDefinition } from '../identity.definition';

describe('identity resolves the address of a customer-success request by the rules mail follows (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let acme: { id: string; name: string };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
    await identity.kafka.record(Topics.IdentityCustomerSuccessRequesterResolved, deadLetterTopicOf(Topics.TicketsCustomerSuccessSubmitted));
    acme = await call('POST', '/organizations', { name: 'Acme', domains: ['acme.test'] });
  });

  afterAll(async () => {
    await identity?.close();
  });

  const call = <T>(method: string, path: string, body?: unknown) => jsonOk<T>(identity, method, path, body);
  const publish = (event: ReturnType<typeof customerSuccessSubmitted>) =>
    identity.kafka.produce(Topics.TicketsCustomerSuccessSubmitted, [{ key: event.request.email, value: JSON.stringify(event) }]);
  const answersFor = (submissionId: string) =>
    identity.kafka
      .events<IdentityCustomerSuccessRequesterResolvedV1>(Topics.IdentityCustomerSuccessRequesterResolved)
      .filter((answer) => answer.request.submissionId === submissionId);
  const answerFor = (submissionId: string) =>
    eventually(() => {
      expect(answersFor(submissionId)).toHaveLength(1);
      return answersFor(submissionId)[0]!;
    });

  it('creates the contact of an unknown address in the organization of its domain, once however often the request arrives', async () => {
    const request = customerSuccessRequest({ email: `new-${randomUUID()}@acme.test`, name: 'Nora New' });
    const submitted = customerSuccessSubmitted(request);
    await publish(submitted);
    await publish(submitted);

    const answer = await answerFor(request.submissionId);
    expect(answer.request).toEqual(request);
    expect(answer.requester).toMatchObject({ email: request.email, name: 'Nora New', organizationId: acme.id, organizationName: 'Acme' });
    const activity = await call<ContactActivityPageDto>('GET', `/contacts/${answer.requester.contactId}/activity`);
    expect(activity.items.map(({ kind, details }) => ({ kind, details }))).toContainEqual({ kind: 'created', details: { source: 'web' } });
    await identity.kafka.produce(Topics.TicketsCustomerSuccessSubmitted, [{ value: JSON.stringify(submitted) }]);
    expect(answersFor(request.submissionId)).toHaveLength(1);
  });

  it('answers with the contact that owns a known address', async () => {
    const known = await call<ContactResponseDto>('POST', '/contacts', { name: 'Kim Known', email: `kim-${randomUUID()}@acme.test` });
    const request = customerSuccessRequest({ email: known.email.toUpperCase() });
    await publish(customerSuccessSubmitted(request));
    expect((await answerFor(request.submissionId)).requester).toMatchObject({ contactId: known.id, email: known.email });
  });

  it('dead-letters the request of an unknown address while contacts are not created automatically', async () => {
    await call('PATCH', '/settings', { autoCreateContacts: false });
    try {
      const submitted = customerSuccessSubmitted(customerSuccessRequest({ email: `stranger-${randomUUID()}@acme.test` }));
      await publish(submitted);
      await eventually(() =>
        expect(
          identity.kafka
            .messages(deadLetterTopicOf(Topics.TicketsCustomerSuccessSubmitted))
            .filter((message) => message.value === JSON.stringify(submitted))
            .map((message) => message.headers[DEAD_LETTER_HEADERS.reason]),
        ).toEqual([expect.stringMatching(/^rejected: customer_success\.requester_unknown/)]),
      );
      expect(answersFor(submitted.request.submissionId)).toEqual([]);
    } finally {
      await call('PATCH', '/settings', { autoCreateContacts: true });
    }
  });
});
