import { z } from 'zod';

export const unknownSenderMailSchema = z.object({
  inboundMessageId: z.uuid(),
  sender: z.string(),
  subject: z.string(),
  receivedAt: z.iso.datetime(),
});

export type UnknownSenderMailResponseDto = z.infer<typeof unknownSenderMailSchema>;

export const acceptedUnknownSenderSchema = z.object({
  inboundMessageId: z.uuid(),
  contactId: z.uuid().describe('The contact the mail is now from; its ticket opens from the `identity.requester.resolved.v2` event.'),
});

export type AcceptedUnknownSenderResponseDto = z.infer<typeof acceptedUnknownSenderSchema>;
