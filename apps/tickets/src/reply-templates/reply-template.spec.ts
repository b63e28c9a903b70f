import {
  fillTicketPlaceholders,
  needsPortalValues,
  previewTemplate,
  renderTemplate,
  templateValuesOf,
  unknownPlaceholdersIn,
  withPortalValuesNamed,
} from './reply-template';

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
    expect(unknownPlaceholdersIn('{{ticket.number}} {{agent.name}} {{portal.url}} {{agent.name}} {{ nope }}')).toEqual([
      'agent.name',
      'nope',
    ]);
  });

  it('names the portal values in the text tickets keeps, never a link', () => {
    expect(withPortalValuesNamed('User {{ portal.username }} at {{portal.url}}: {{portal.setPasswordLink}} ({{ticket.number}})')).toBe(
      'User [portal user name, filled in by identity] at [portal address, filled in by identity]: ' +
        '[one-time set-password link, filled in by identity] ({{ticket.number}})',
    );
  });

  it('renders a template for a ticket, telling whether identity must complete it', () => {
    const ticket = { number: 7, subject: 'Access', status: 'new', requesterName: 'Jane', requesterEmail: 'jane@acme.test' };
    expect(
      renderTemplate({ subject: null, body: 'Hi {{requester.name}}, #{{ticket.number}} is {{ticket.status}}.' }, templateValuesOf(ticket)),
    ).toEqual({
      text: 'Hi Jane, #7 is new.',
      needsPortalValues: false,
    });
    expect(renderTemplate({ subject: 'Access for {{portal.username}}', body: 'See you.' }, templateValuesOf(ticket))).toEqual({
      subject: 'Access for {{portal.username}}',
      text: 'See you.',
      needsPortalValues: true,
    });
  });

  it('previews a template for the sample ticket: its subject answered by default, the portal values named', () => {
    expect(previewTemplate({ subject: null, body: 'Hi {{requester.name}}, sign in at {{portal.url}} ({{ticket.status}})' })).toEqual({
      subject: '[#1042] Re: Cannot sign in since this morning',
      text: 'Hi Alex Sample, sign in at [portal address, filled in by identity] (open)',
      needsPortalValues: true,
    });
    expect(previewTemplate({ subject: 'Ticket {{ticket.number}} for {{requester.email}}', body: 'Done.' })).toEqual({
      subject: '[#1042] Ticket 1042 for alex.sample@example.com',
      text: 'Done.',
      needsPortalValues: false,
    });
  });
});
