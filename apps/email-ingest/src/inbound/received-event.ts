import type { AcceptedMessage, EmailInboundReceivedV2, MailAuthentication } from '@helpgate/contracts';
import { inboundIdsFor } from './inbound-message-id';

type ReadMail = Omit<
  EmailInboundReceivedV2['mail'],
  'inboundMessageId' | 'supportAddress' | 'supportAddressCategory' | 'rawMessage' | 'receivedAt'
>;

/** The event identity and tickets consume; its id and time come from the accepted message, so a redelivery publishes the same event. */
export function receivedEvent(message: AcceptedMessage, mail: ReadMail): EmailInboundReceivedV2 {
  return {
    eventId: inboundIdsFor(message.rawMessage.sha256, message.envelope).eventId,
    occurredAt: message.receivedAt,
    mail: {
      ...mail,
      inboundMessageId: message.inboundMessageId,
      supportAddress: message.supportAddress,
      ...(message.supportAddressCategory ? { supportAddressCategory: message.supportAddressCategory } : {}),
      rawMessage: message.rawMessage,
      receivedAt: message.receivedAt,
    },
  };
}

/**
 * The event of a message nothing could be read from (it cannot be parsed, or its reading failed): what the envelope
 * says, with a Message-ID made from its content, so that agents see it held and what is left of it can flow on.
 */
export function unreadMailEvent(
  message: AcceptedMessage,
  authentication: MailAuthentication,
): { sender: string; messageId: string; event: EmailInboundReceivedV2 } {
  const sender = (message.envelope.mailFrom ?? 'mailer-daemon').toLowerCase();
  const messageId = `<${message.rawMessage.sha256}@helpgate.invalid>`;
  const event = receivedEvent(message, {
    messageId,
    references: [],
    from: { address: sender },
    to: [],
    cc: [],
    subject: '',
    text: '',
    textTruncated: false,
    attachments: [],
    isAutomated: false,
    authentication,
  });
  return { sender, messageId, event };
}
