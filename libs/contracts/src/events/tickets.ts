import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';

export const ticketStatuses = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export const ticketChannels = ['email', 'chat', 'web'] as const;
export const ticketChangeKinds = ['created', 'message_added'] as const;

export const ticketsTicketChangedV1 = eventEnvelopeSchema.extend({
  change: z.enum(ticketChangeKinds),
  ticket: z.object({
    id: z.uuid(),
    number: z.number().int().positive(),
    subject: z.string(),
    status: z.enum(ticketStatuses),
    channel: z.enum(ticketChannels),
    requesterContactId: z.uuid(),
    organizationId: z.uuid(),
  }),
});

export type TicketsTicketChangedV1 = z.infer<typeof ticketsTicketChangedV1>;
