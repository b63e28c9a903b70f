import type { ContactEmailEntity } from './contact-email.entity';
import type { ContactEntity } from './contact.entity';
import { contactChangedEvent, primaryFirst } from './contact-changed';

const address = (email: string, isPrimary = false) => ({ email, isPrimary }) as ContactEmailEntity;

describe('primaryFirst', () => {
  it('puts the primary address first and the others alphabetically', () => {
    const sorted = primaryFirst([address('b@acme.test'), address('z@acme.test', true), address('a@acme.test')]);
    expect(sorted.map((email) => email.email)).toEqual(['z@acme.test', 'a@acme.test', 'b@acme.test']);
  });
});

describe('contactChangedEvent', () => {
  it('describes the contact with its primary address and organizations, without agent-only notes', () => {
    const contact = {
      id: '6f0f2b4e-2f1a-4f55-9d0c-0d1b1c2d3e4f',
      name: 'Jane Doe',
      emails: [address('jane.doe@acme.test'), address('jane@acme.test', true)],
      firstName: 'Jane',
      lastName: 'Doe',
      status: 'active',
      language: 'en',
      timeZone: 'Europe/Rome',
      notes: 'agent only',
      organization: { id: '0b9a3c9e-7d6f-4a4b-8e1e-5f6a7b8c9d0e', name: 'Acme' },
      memberships: [{ organizationId: '0b9a3c9e-7d6f-4a4b-8e1e-5f6a7b8c9d0e', isPrimaryContact: true }],
    } as ContactEntity;
    expect(contactChangedEvent(contact, 'updated')).toEqual({
      eventId: expect.any(String),
      occurredAt: expect.any(String),
      change: 'updated',
      contact: {
        id: contact.id,
        email: 'jane@acme.test',
        name: 'Jane Doe',
        organizationId: contact.organization.id,
        organizationName: 'Acme',
        firstName: 'Jane',
        lastName: 'Doe',
        status: 'active',
        language: 'en',
        timeZone: 'Europe/Rome',
        memberships: [{ organizationId: contact.organization.id, isPrimaryContact: true }],
      },
    });
  });
});
