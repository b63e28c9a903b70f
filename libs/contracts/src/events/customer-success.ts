import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';
import { requesterSchema } from './identity';
import { ticketPriorities } from './tickets';

/** What a customer sent through the help center's "contact customer success" form, as tickets accepted it. */
export const customerSuccessRequestSchema = z.object({
  /** One per submission: tickets opens one ticket for it, however often its events arrive. */
  submissionId: z.uuid(),
  /** The address to answer at: identity resolves the requester from it by the rules mail follows. */
  email: z.string().min(3).max(320),
  name: z.string().max(200).nullable(),
  categoryId: z.uuid(),
  priority: z.enum(ticketPriorities),
  message: z.string().min(1).max(10_000),
  submittedAt: z.iso.datetime({ offset: true }),
});

export type CustomerSuccessRequest = z.infer<typeof customerSuccessRequestSchema>;

/** tickets → identity: find (or, by the rules mail follows, create) the contact of the request's address. Keyed by the address. */
export const ticketsCustomerSuccessSubmittedV1 = eventEnvelopeSchema.extend({ request: customerSuccessRequestSchema });

export type TicketsCustomerSuccessSubmittedV1 = z.infer<typeof ticketsCustomerSuccessSubmittedV1>;

/** identity → tickets: the request with its requester, for tickets to open the ticket. Keyed by the submission id. */
export const identityCustomerSuccessRequesterResolvedV1 = eventEnvelopeSchema.extend({
  request: customerSuccessRequestSchema,
  requester: requesterSchema,
});

export type IdentityCustomerSuccessRequesterResolvedV1 = z.infer<typeof identityCustomerSuccessRequesterResolvedV1>;
