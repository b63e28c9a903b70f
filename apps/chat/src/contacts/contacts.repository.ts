import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IdentityContactAnonymizedV2, IdentityContactChangedV1, IdentityOrganizationChangedV1 } from '@helpgate/contracts';

export interface KnownContact {
  id: string;
  email: string;
  name: string;
  organizationId: string;
}

/** What chat knows of identity's contacts and organizations; every write keeps the newest fact. */
@Injectable()
export class ContactsRepository {
  async learnContact(contact: IdentityContactChangedV1['contact'], knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO chat_contacts (id, email, name, organization_id, known_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name,
           organization_id = excluded.organization_id, known_at = excluded.known_at
          WHERE chat_contacts.known_at <= excluded.known_at`,
      [contact.id, contact.email, contact.name, contact.organizationId, knownAt],
    );
  }

  async learnOrganization(
    organization: IdentityOrganizationChangedV1['organization'],
    knownAt: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO chat_organizations (id, name, support_contract_active_until, known_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
           support_contract_active_until = excluded.support_contract_active_until, known_at = excluded.known_at
          WHERE chat_organizations.known_at <= excluded.known_at`,
      [organization.id, organization.name, organization.supportContractActiveUntil, knownAt],
    );
  }

  /**
   * Forgets the contact and its visitors' names and addresses, blanks the erased terms in their conversations' texts,
   * and remembers the contact's id (alone) as erased.
   */
  async erase(contactId: string, erased: IdentityContactAnonymizedV2['erased'], erasedAt: Date, manager: EntityManager): Promise<void> {
    const emails = erased.emails.map((email) => email.toLowerCase());
    await manager.query('DELETE FROM chat_contacts WHERE id = $1', [contactId]);
    await manager.query('INSERT INTO chat_erased_contacts (contact_id, erased_at) VALUES ($1, $2) ON CONFLICT (contact_id) DO NOTHING', [
      contactId,
      erasedAt,
    ]);
    const visitors = (await manager.query(
      `UPDATE visitors SET name = NULL, email = NULL WHERE contact_id = $1 OR lower(email) = ANY($2::text[]) RETURNING id`,
      [contactId, emails],
    )) as [{ id: string }[], number];
    const visitorIds = visitors[0].map(({ id }) => id);
    const terms = [...erased.emails, ...erased.names].filter((term) => term.trim().length > 0);
    if (visitorIds.length === 0 || terms.length === 0) return;
    // Longest first, so a name inside an address is blanked with the address.
    for (const term of terms.sort((a, b) => b.length - a.length)) {
      await manager.query(
        `UPDATE chat_messages m SET text = replace(m.text, $2, '[erased]')
           FROM conversations c WHERE c.id = m.conversation_id AND c.visitor_id = ANY($1::uuid[]) AND strpos(m.text, $2) > 0`,
        [visitorIds, term],
      );
    }
  }

  /** Whether identity erased the contact: nothing chat hears of it afterwards is learned. */
  async isErased(contactId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM chat_erased_contacts WHERE contact_id = $1', [contactId]);
    return rows.length > 0;
  }

  async findContact(id: string, manager: EntityManager): Promise<KnownContact | null> {
    const rows: { id: string; email: string; name: string; organization_id: string }[] = await manager.query(
      'SELECT id, email, name, organization_id FROM chat_contacts WHERE id = $1',
      [id],
    );
    return rows[0] ? { id: rows[0].id, email: rows[0].email, name: rows[0].name, organizationId: rows[0].organization_id } : null;
  }

  /** The last day the contact's organization's support contract covers (ISO date); null when none or unknown. */
  async supportContractActiveUntil(contactId: string, manager: EntityManager): Promise<string | null> {
    const rows: { until: string | null }[] = await manager.query(
      `SELECT to_char(o.support_contract_active_until, 'YYYY-MM-DD') AS until
         FROM chat_contacts c JOIN chat_organizations o ON o.id = c.organization_id WHERE c.id = $1`,
      [contactId],
    );
    return rows[0]?.until ?? null;
  }
}
