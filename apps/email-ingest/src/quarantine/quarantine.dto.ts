import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { QuarantinedMessageEntity } from './quarantined-message.entity';

export const quarantineQuerySchema = pageQuerySchema.extend({
  status: z.enum(['held', 'released', 'deleted']).default('held'),
});

export type QuarantineQueryDto = z.output<typeof quarantineQuerySchema>;

export interface QuarantinedMessageDto {
  inboundMessageId: string;
  reason: string;
  /** What was wrong with a message that could not be read (reason malformed). */
  detail?: string;
  status: string;
  from: string;
  subject: string;
  receivedAt: string;
  authentication: { spf: string; dkim: string; dmarc: string; dmarcPolicy?: string };
  heldAt: string;
}

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
