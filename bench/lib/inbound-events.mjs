// Inbound-mail events as email-ingest publishes them, built with the contracts of libs/contracts and produced
// straight onto a run's topic, for the benchmarks that load identity (and tickets) without going through SMTP.
import { createHash, randomUUID } from 'node:crypto';

export const BENCH_SUPPORT_ADDRESS = 'support@helpgate.test';

/** One `email.inbound.received.v2` event of mail number `sequence` from `from` ({ address, name }). */
export function inboundMailEvent(contracts, sequence, from) {
  const domain = from.address.split('@')[1];
  const text = `Hello,\n\nI cannot sign in to my account since this morning (case ${sequence}). ${'Could you please have a look? '.repeat(20)}\n\nThanks,\n${from.name}\n`;
  const receivedAt = new Date().toISOString();
  return contracts.emailInboundReceivedV2.parse({
    eventId: randomUUID(),
    occurredAt: receivedAt,
    mail: {
      inboundMessageId: randomUUID(),
      messageId: `<bench-${sequence}.${randomUUID()}@${domain}>`,
      references: [],
      from,
      to: [{ address: BENCH_SUPPORT_ADDRESS, name: 'Support' }],
      cc: [],
      supportAddress: BENCH_SUPPORT_ADDRESS,
      subject: `Cannot sign in (${sequence})`,
      text,
      textTruncated: false,
      attachments: [],
      isAutomated: false,
      authentication: { spf: 'pass', dkim: 'none', dmarc: 'none' },
      // Neither identity nor tickets reads the raw message: the reference only has to be well formed.
      rawMessage: { sha256: createHash('sha256').update(text).digest('hex'), sizeBytes: text.length + 600 },
      receivedAt,
    },
  });
}

/** Produces `count` inbound-mail events, 500 per request, keyed by sender; `senderOf(sequence)` gives each mail's sender. */
export async function produceInboundMail(run, contracts, count, senderOf) {
  const producer = run.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let start = 0; start < count; start += 500) {
      const messages = [];
      for (let sequence = start; sequence < Math.min(count, start + 500); sequence++) {
        const event = inboundMailEvent(contracts, sequence, senderOf(sequence));
        messages.push({
          key: event.mail.from.address,
          value: JSON.stringify(event),
          headers: { 'event-id': event.eventId, 'event-type': contracts.Topics.EmailInboundReceived, 'content-type': 'application/json' },
        });
      }
      await producer.send({ topic: run.topic(contracts.Topics.EmailInboundReceived), acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}
