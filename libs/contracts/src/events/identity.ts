import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';
import { inboundMailSchema, outboundMailSchema } from './email';

export const requesterSchema = z.object({
  contactId: z.uuid(),
  email: z.string().min(3).max(320),
  name: z.string().max(500),
  organizationId: z.uuid(),
  organizationName: z.string().max(200),
});

export type Requester = z.infer<typeof requesterSchema>;

/** The mail of `email.inbound.received.v2` with the contact it came from; v2 for the mail's v2 form (v1 retired). */
export const identityRequesterResolvedV2 = eventEnvelopeSchema.extend({
  mail: inboundMailSchema,
  requester: requesterSchema,
});

export type IdentityRequesterResolvedV2 = z.infer<typeof identityRequesterResolvedV2>;

export const contactChangeKinds = ['created', 'updated'] as const;

export const identityContactChangedV1 = eventEnvelopeSchema.extend({
  change: z.enum(contactChangeKinds),
  contact: requesterSchema.omit({ contactId: true }).extend({
    id: z.uuid(),
    // Optional so producers and consumers from before the contact profile keep working.
    firstName: z.string().max(200).nullable().optional(),
    lastName: z.string().max(200).nullable().optional(),
    status: z.enum(['active', 'inactive']).optional(),
    language: z.string().max(35).nullable().optional(),
    timeZone: z.string().max(100).nullable().optional(),
    memberships: z.array(z.object({ organizationId: z.uuid(), isPrimaryContact: z.boolean() })).optional(),
  }),
});

export type IdentityContactChangedV1 = z.infer<typeof identityContactChangedV1>;

/** One contact was merged into another: its id now stands for the survivor everywhere. Keyed by the merged-away id. */
export const identityContactMergedV1 = eventEnvelopeSchema.extend({
  survivorId: z.uuid(),
  mergedAwayId: z.uuid(),
});

export type IdentityContactMergedV1 = z.infer<typeof identityContactMergedV1>;

/**
 * A contact's personal data was erased: it has no address any more (so `identity.contact.changed.v1`, which needs
 * one, cannot describe it) and is shown under the placeholder `name`. Keyed by the contact id.
 *
 * v2 names what was erased (`erased`: the addresses the contact had and the names it went by), because services that
 * hold the person's data under an address rather than a contact id (email-ingest's raw mail, quarantine and
 * deliveries) could not find it from the id alone. v1 is no longer published.
 */
export const identityContactAnonymizedV2 = eventEnvelopeSchema.extend({
  contactId: z.uuid(),
  name: z.string().max(500),
  erased: z.object({
    emails: z.array(z.string().min(3).max(320)).max(1000),
    names: z.array(z.string().max(500)).max(10),
  }),
});

export type IdentityContactAnonymizedV2 = z.infer<typeof identityContactAnonymizedV2>;

export const agentRoles = ['admin', 'agent'] as const;

/** A staff member was added or changed (role, languages, chat capacity, active or not). Keyed by the agent id. */
export const identityAgentChangedV1 = eventEnvelopeSchema.extend({
  agent: z.object({
    id: z.uuid(),
    name: z.string().max(200),
    email: z.string().min(3).max(320),
    role: z.enum(agentRoles),
    /** BCP 47 tags of the languages the agent answers in. */
    languages: z.array(z.string().max(35)).max(50),
    /** How many chats the agent takes at once. */
    chatCapacity: z.number().int().min(0).max(100),
    active: z.boolean(),
  }),
});

export type IdentityAgentChangedV1 = z.infer<typeof identityAgentChangedV1>;

/** Placeholders only identity can fill, because the values (one-time links) are identity's secrets. */
export const portalPlaceholders = ['portal.url', 'portal.username', 'portal.setPasswordLink'] as const;

/**
 * Another service asks identity to mail a contact a text that names `{{portal.*}}` placeholders: identity fills
 * them (creating a one-time set-password link where named), addresses it to the contact's primary address and
 * requests it as `email.outbound.requested.v1`. Keyed by the contact id.
 */
export const identityAccessMailRequestedV1 = eventEnvelopeSchema.extend({
  contactId: z.uuid(),
  mail: outboundMailSchema.omit({ to: true }),
});

export type IdentityAccessMailRequestedV1 = z.infer<typeof identityAccessMailRequestedV1>;

/** Why identity sent no access mail: the contact is unknown (or merged into one that is gone), erased, or inactive. */
export const accessMailFailureReasons = ['contact_unknown', 'contact_erased', 'contact_inactive'] as const;

export type AccessMailFailureReason = (typeof accessMailFailureReasons)[number];

/**
 * identity could not send an access mail (`identity.access-mail.requested.v1`): nothing was handed to email-ingest,
 * so no `email.outbound.*` outcome will follow. Carries the request's `requestId` and `ticketId` so the requester
 * can show the failure where it shows deliveries. Keyed by the contact id, like the request.
 */
export const identityAccessMailFailedV1 = eventEnvelopeSchema.extend({
  requestId: z.uuid(),
  contactId: z.uuid(),
  ticketId: z.uuid().optional(),
  reason: z.enum(accessMailFailureReasons),
  failedAt: z.iso.datetime({ offset: true }),
});

export type IdentityAccessMailFailedV1 = z.infer<typeof identityAccessMailFailedV1>;
