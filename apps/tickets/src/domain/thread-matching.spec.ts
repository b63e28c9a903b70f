import { referencedMessageIds, subjectWithTicketToken, ticketNumbersInSubject } from './thread-matching';

describe('subjectWithTicketToken', () => {
  it('adds the token once', () => {
    expect(subjectWithTicketToken('Re: Cannot sign in', 42)).toBe('[#42] Re: Cannot sign in');
    expect(subjectWithTicketToken('[#42] Re: Cannot sign in', 42)).toBe('[#42] Re: Cannot sign in');
  });
});

describe('ticketNumbersInSubject', () => {
  it('finds the ticket token in a reply subject', () => {
    expect(ticketNumbersInSubject('Re: [#1042] Cannot sign in')).toEqual([1042]);
  });

  it('prefers the last token and drops repeats', () => {
    expect(ticketNumbersInSubject('Fwd: [#7] Re: [#12] Re: [#7] x')).toEqual([7, 12]);
  });

  it('ignores look-alikes', () => {
    expect(ticketNumbersInSubject('Order #1042 [1042] [#] [#abc]')).toEqual([]);
  });
});

describe('referencedMessageIds', () => {
  it('puts In-Reply-To first, then References newest first, without repeats', () => {
    expect(referencedMessageIds({ inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>', '<c@x>'] })).toEqual(['<c@x>', '<b@x>', '<a@x>']);
  });

  it('is empty for a first message', () => {
    expect(referencedMessageIds({ references: [] })).toEqual([]);
  });
});
