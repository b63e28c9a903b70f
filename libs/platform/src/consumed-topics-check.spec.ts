import { DynamicModule, Module, Type } from '@nestjs/common';
import type { CommonConfig } from '@helpgate/config';
import {
  EmailInboundAcceptedV1,
  EmailInboundReceivedV2,
  EmailOutboundRequestedV1,
  IdentityContactAnonymizedV2,
  Topics,
} from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { checkConsumedTopics } from './consumed-topics-check';

@EventConsumer()
class AcceptedMail {
  @ConsumeEvent(Topics.EmailInboundAccepted, { batch: true })
  async onAccepted(_events: EmailInboundAcceptedV1[]): Promise<void> {}
}

@EventConsumer()
class InboundMail {
  @ConsumeEvent(Topics.EmailInboundReceived, { batch: true })
  async onReceived(_events: EmailInboundReceivedV2[]): Promise<void> {}
}

@EventConsumer()
class OutboundRequests {
  @ConsumeEvent(Topics.EmailOutboundRequested, { batch: true })
  async onRequested(_events: EmailOutboundRequestedV1[]): Promise<void> {}
}

@EventConsumer()
class ContactErasures {
  @ConsumeEvent(Topics.IdentityContactAnonymized)
  async onAnonymized(_event: IdentityContactAnonymizedV2): Promise<void> {}
}

function transportNeverStarted(): never {
  throw new Error('the check only looks for an event transport, it never starts one');
}

/** A service named `service` whose module holds the given consumers, with an event transport unless told otherwise. */
function serviceWith(service: string, consumers: Type[], { eventTransport = true, consumesEvents = true } = {}) {
  @Module({ controllers: consumers })
  class ServiceModule {}
  const config = { service } as CommonConfig;
  return {
    loadConfig: () => config,
    rootModule: (): DynamicModule => ({ module: ServiceModule }),
    eventTransport: eventTransport ? transportNeverStarted : undefined,
    consumesEvents: () => consumesEvents,
  };
}

describe('checkConsumedTopics', () => {
  it('accepts a service whose handlers consume exactly the topics libs/contracts declares for it', async () => {
    await expect(
      checkConsumedTopics(serviceWith('email-ingest', [AcceptedMail, OutboundRequests, ContactErasures])),
    ).resolves.toBeUndefined();
  });

  it('accepts an instance that runs none of its consumers, and refuses one of them left running there', async () => {
    await expect(checkConsumedTopics(serviceWith('email-ingest', [], { consumesEvents: false }))).resolves.toBeUndefined();
    await expect(checkConsumedTopics(serviceWith('email-ingest', [ContactErasures], { consumesEvents: false }))).rejects.toThrow(
      'email-ingest runs no event consumers here but has handlers for: identity.contact.anonymized.v2',
    );
  });

  it('refuses a declared topic no handler consumes', async () => {
    await expect(checkConsumedTopics(serviceWith('email-ingest', [AcceptedMail, ContactErasures]))).rejects.toThrow(
      'The event handlers of email-ingest and its consumedTopics in libs/contracts differ: ' +
        'handled but not declared: []; declared but not handled: [email.outbound.requested.v1]',
    );
  });

  it('refuses a handler of a topic the service does not declare', async () => {
    await expect(
      checkConsumedTopics(serviceWith('email-ingest', [AcceptedMail, OutboundRequests, ContactErasures, InboundMail])),
    ).rejects.toThrow('handled but not declared: [email.inbound.received.v2]; declared but not handled: []');
  });

  it('refuses a service whose handlers would never run for want of an event transport', async () => {
    await expect(
      checkConsumedTopics(serviceWith('email-ingest', [AcceptedMail, OutboundRequests, ContactErasures], { eventTransport: false })),
    ).rejects.toThrow(
      'email-ingest has event handlers (email.inbound.accepted.v1, email.outbound.requested.v1, identity.contact.anonymized.v2) but no event transport',
    );
  });

  it('refuses a service libs/contracts does not know', async () => {
    await expect(checkConsumedTopics(serviceWith('notes', []))).rejects.toThrow(
      'libs/contracts declares no consumed topics for the service notes',
    );
  });
});
