import { contractActiveOn, decideHandoff, HandoffFacts, waitedTooLong } from './handoff-decision';

describe('handoff to a person', () => {
  const at = new Date('2026-03-10T10:00:00Z');
  const open: HandoffFacts = { openNow: true, agentsOnline: 2, requireSupportContract: false, supportContractActiveUntil: null, at };

  it('queues within business hours while an agent is online', () => {
    expect(decideHandoff(open)).toEqual({ kind: 'queue' });
  });

  it('makes a ticket outside business hours, or with nobody online', () => {
    expect(decideHandoff({ ...open, openNow: false })).toEqual({ kind: 'ticket', reason: 'outside_business_hours' });
    expect(decideHandoff({ ...open, agentsOnline: 0 })).toEqual({ kind: 'ticket', reason: 'no_agent_available' });
  });

  it('offers people only under an active contract when the team requires one, whatever the hours', () => {
    const required = { ...open, requireSupportContract: true };
    expect(decideHandoff(required)).toEqual({ kind: 'ticket', reason: 'no_support_contract' });
    expect(decideHandoff({ ...required, openNow: false, supportContractActiveUntil: '2026-03-09' })).toEqual({
      kind: 'ticket',
      reason: 'no_support_contract',
    });
    expect(decideHandoff({ ...required, supportContractActiveUntil: '2026-03-10' })).toEqual({ kind: 'queue' });
  });

  it('counts the last day of a contract as covered, and the day after as not', () => {
    expect(contractActiveOn('2026-03-10', new Date('2026-03-10T23:59:59Z'))).toBe(true);
    expect(contractActiveOn('2026-03-10', new Date('2026-03-11T00:00:00Z'))).toBe(false);
    expect(contractActiveOn(null, at)).toBe(false);
  });

  it('tells when a wait passed the limit', () => {
    expect(waitedTooLong(new Date(at.getTime() - 59_999), at, 60_000)).toBe(false);
    expect(waitedTooLong(new Date(at.getTime() - 60_000), at, 60_000)).toBe(true);
  });
});
