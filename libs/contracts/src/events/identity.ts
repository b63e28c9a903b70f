import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';
import { inboundMailSchema } from './email';

export const requesterSchema = z.object({
  contactId: z.uuid(),
  email: z.string().min(3).max(320),
  name: z.string().max(500),
  organizationId: z.uuid(),
  organizationName: z.string().max(200),
});

export type Requester = z.infer<typeof requesterSchema>;

export const identityRequesterResolvedV1 = eventEnvelopeSchema.extend({
  mail: inboundMailSchema,
  requester: requesterSchema,
});

export type IdentityRequesterResolvedV1 = z.infer<typeof identityRequesterResolvedV1>;

export const contactChangeKinds = ['created', 'updated'] as const;

export const identityContactChangedV1 = eventEnvelopeSchema.extend({
  change: z.enum(contactChangeKinds),
  contact: requesterSchema.omit({ contactId: true }).extend({ id: z.uuid() }),
});

export type IdentityContactChangedV1 = z.infer<typeof identityContactChangedV1>;
