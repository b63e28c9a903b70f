import { z } from 'zod';
import { mailAuthenticationSchema } from '@helpgate/contracts';
import { pageQuerySchema } from '@helpgate/platform';
import { quarantineReasons } from './quarantine-policy';
import { QuarantinedMessageEntity, QuarantineStatus } from './quarantined-message.entity';

const quarantineStatusSchema = z.enum(['held', 'released', 'deleted']) satisfies z.ZodType<QuarantineStatus>;

export const quarantineQuerySchema = pageQuerySchema.extend({
  status: quarantineStatusSchema.default('held'),
});

export type QuarantineQueryDto = z.output<typeof quarantineQuerySchema>;

export const quarantinedMessageSchema = z.object({
  inboundMessageId: z.uuid(),
  reason: z.enum(quarantineReasons),
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
    reason: entity.reason,
    ...(entity.detail ? { detail: entity.detail } : {}),
    status: entity.status,
    from: mail.from.address,
    subject: mail.subject,
    receivedAt: mail.receivedAt,
    authentication: mail.authentication,
    heldAt: entity.createdAt.toISOString(),
  };
}
