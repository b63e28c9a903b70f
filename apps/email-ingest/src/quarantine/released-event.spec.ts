import type { EmailInboundReceivedV2 } from '@helpgate/contracts';
import { releasedEvent } from './released-event';

const event = {
  eventId: '3f1c0e8a-6a55-4a3e-9d2c-2b7c1f0e9a11',
  mail: { subject: 'Re: [club] meeting', isAutomated: true, automation: { kind: 'bulk' } },
} as unknown as EmailInboundReceivedV2;

describe('releasedEvent', () => {
  it('publishes released machine mail as a person’s mail, same event id', () => {
    const released = releasedEvent({ reason: 'list', event });
    expect(released.eventId).toBe(event.eventId);
    expect(released.mail.isAutomated).toBe(false);
    expect(released.mail).not.toHaveProperty('automation');
  });

  it('publishes other held mail as it would have been', () => {
    expect(releasedEvent({ reason: 'flood', event })).toBe(event);
  });
});
