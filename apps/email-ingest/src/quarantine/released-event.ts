import type { EmailInboundReceivedV2 } from '@helpgate/contracts';
import { isMachineMailKind } from './quarantine-policy';
import type { QuarantinedMessageEntity } from './quarantined-message.entity';

/**
 * The event a release publishes: the one the message would have made. Machine mail an agent releases is taken for
 * a person's mail (a customer writing through a mailing list, say), so it flows on unmarked and opens a ticket;
 * published as machine mail again, it would answer no ticket and be dropped.
 */
export function releasedEvent(held: Pick<QuarantinedMessageEntity, 'reason' | 'event'>): EmailInboundReceivedV2 {
  if (!isMachineMailKind(held.reason)) return held.event;
  const { automation: _automation, ...mail } = held.event.mail;
  return { ...held.event, mail: { ...mail, isAutomated: false } };
}
