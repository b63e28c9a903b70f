import { z } from 'zod';
import { mailAuthenticationSchema } from '@helpgate/contracts';
import { pageQuerySchema } from '@helpgate/platform';
import { QuarantineReason, quarantineReasons } from './quarantine-policy';
import { QuarantinedMessageEntity, QuarantineStatus } from './quarantined-message.entity';

const quarantineStatusSchema = z.enum(['held', 'released', 'deleted']) satisfies z.ZodType<QuarantineStatus>;

export const quarantineQuerySchema = pageQuerySchema.extend({
  status: quarantineStatusSchema.default('held'),
  /** One kind of held mail only (the kinds `GET /quarantine/counts` counts). */
  kind: z.enum(quarantineReasons).optional(),
});

export type QuarantineQueryDto = z.output<typeof quarantineQuerySchema>;

export const quarantinedMessageSchema = z.object({
  inboundMessageId: z.uuid(),
  kind: z.enum(quarantineReasons).describe('Why the message is held: machine mail under its kind, or what is wrong with it.'),
  reason: z.enum(quarantineReasons).describe('The same as kind, kept for clients that read it.'),
  rule: z.string().optional().describe('For machine mail: the rule that recognised it (see the README).'),
  detail: z.string().optional().describe('What was wrong with a message that could not be read (reason malformed).'),
  status: quarantineStatusSchema,
  from: z.string(),
  subject: z.string(),
  receivedAt: z.iso.datetime(),
  authentication: mailAuthenticationSchema,
  heldAt: z.iso.datetime(),
});

export type QuarantinedMessageDto = z.infer<typeof quarantinedMessageSchema>;

export function toQuarantinedMessage(entity: QuarantinedMessageEntity): QuarantinedMessageDto {
  const { mail } = entity.event;
  return {
    inboundMessageId: entity.inboundMessageId,
    kind: entity.reason,
    reason: entity.reason,
    ...(entity.rule ? { rule: entity.rule } : {}),
    ...(entity.detail ? { detail: entity.detail } : {}),
    status: entity.status,
    from: mail.from.address,
    subject: mail.subject,
    receivedAt: mail.receivedAt,
    authentication: mail.authentication,
    heldAt: entity.createdAt.toISOString(),
  };
}

export const heldCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  kinds: z.object(Object.fromEntries(quarantineReasons.map((kind) => [kind, z.number().int().nonnegative()]))),
});

export type HeldCountsDto = { total: number; kinds: Record<QuarantineReason, number> };

export function toHeldCounts(counts: ReadonlyMap<QuarantineReason, number>): HeldCountsDto {
  const kinds = Object.fromEntries(quarantineReasons.map((kind) => [kind, counts.get(kind) ?? 0])) as Record<QuarantineReason, number>;
  return { total: Object.values(kinds).reduce((sum, count) => sum + count, 0), kinds };
}
