import { fillTicketPlaceholders, needsPortalValues, unknownPlaceholdersIn } from './reply-template';

const values = {
  'ticket.number': '1042',
  'ticket.subject': 'Cannot sign in',
  'ticket.status': 'open',
  'requester.name': 'Jane {{ticket.number}} Doe',
  'requester.email': 'jane@acme.test',
};

describe('reply templates', () => {
  it('fills the ticket placeholders and leaves the portal ones for identity', () => {
    expect(fillTicketPlaceholders('Hi {{ requester.name }}, about #{{ticket.number}}: {{portal.setPasswordLink}}', values)).toBe(
      'Hi Jane {{ticket.number}} Doe, about #1042: {{portal.setPasswordLink}}',
    );
  });

  it('tells when a text needs identity to fill portal values', () => {
    expect(needsPortalValues('Sign in as {{portal.username}}')).toBe(true);
    expect(needsPortalValues('Ticket {{ticket.number}}')).toBe(false);
  });

  it('names placeholders nobody fills, once each', () => {
    expect(unknownPlaceholdersIn('{{ticket.number}} {{agent.name}} {{portal.url}} {{agent.name}} {{ nope }}')).toEqual(['agent.name', 'nope']);
  });
});
