import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactAddressEntity } from './contact-address.entity';
import { ContactEntity } from './contact.entity';

export interface ContactFacts {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

/** Every write keeps what identity said last: a fact older than the one stored is ignored. */
@Injectable()
export class ContactsRepository {
  /** A contact's profile with its primary address (identity.contact.changed). */
  async saveContact(contact: ContactFacts & { email: string }, knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO contacts (id, email, name, organization_id, organization_name, known_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, organization_id = excluded.organization_id,
                                        organization_name = excluded.organization_name, known_at = excluded.known_at
          WHERE contacts.known_at <= excluded.known_at`,
      [contact.id, contact.email.toLowerCase(), contact.name, contact.organizationId, contact.organizationName, knownAt],
    );
    await this.saveAddress(contact.email, contact.id, knownAt, manager);
  }

  /** A contact as the requester of a mail: the address it wrote from becomes its primary one only if it had none here. */
  async saveRequester(contact: ContactFacts, address: string, knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO contacts (id, email, name, organization_id, organization_name, known_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization_id = excluded.organization_id,
                                        organization_name = excluded.organization_name, known_at = excluded.known_at
          WHERE contacts.known_at <= excluded.known_at`,
      [contact.id, address.toLowerCase(), contact.name, contact.organizationId, contact.organizationName, knownAt],
    );
    await this.saveAddress(address, contact.id, knownAt, manager);
  }

  /** The contact and the contacts merged into it, directly or through others. */
  async withMergedAway(id: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE merged (id) AS (
         SELECT $1::uuid
         UNION SELECT contacts.id FROM contacts JOIN merged ON contacts.merged_into_id = merged.id
       ) SELECT id FROM merged`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  /** The addresses and names the contacts are known by here. */
  async identifiersOf(ids: string[], manager: EntityManager): Promise<{ addresses: string[]; names: string[] }> {
    const rows: { kind: 'address' | 'name'; value: string }[] = await manager.query(
      `SELECT 'address' AS kind, email AS value FROM contact_addresses WHERE contact_id = ANY($1)
       UNION SELECT 'address', email FROM contacts WHERE id = ANY($1) AND email IS NOT NULL
       UNION SELECT 'name', name FROM contacts WHERE id = ANY($1)`,
      [ids],
    );
    return {
      addresses: rows.filter((row) => row.kind === 'address').map((row) => row.value),
      names: rows.filter((row) => row.kind === 'name').map((row) => row.value),
    };
  }

  /** Forgets the contacts' addresses and names (identity erased them). */
  async anonymize(ids: string[], placeholderName: string, knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE contacts SET email = NULL, name = $2, known_at = greatest(known_at, $3) WHERE id = ANY($1)', [
      ids,
      placeholderName,
      knownAt,
    ]);
    await manager.query('DELETE FROM contact_addresses WHERE contact_id = ANY($1)', [ids]);
  }

  async markMerged(mergedAwayId: string, survivorId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE contacts SET merged_into_id = $2 WHERE id = $1', [mergedAwayId, survivorId]);
  }

  async findById(id: string, manager: EntityManager): Promise<ContactEntity | null> {
    return manager.getRepository(ContactEntity).findOneBy({ id });
  }

  async findByAddress(email: string, manager: EntityManager): Promise<ContactEntity | null> {
    const address = await manager.getRepository(ContactAddressEntity).findOneBy({ email });
    return address ? this.findById(address.contactId, manager) : null;
  }

  private async saveAddress(email: string, contactId: string, knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO contact_addresses (email, contact_id, known_at) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO UPDATE SET contact_id = excluded.contact_id, known_at = excluded.known_at
          WHERE contact_addresses.known_at <= excluded.known_at`,
      [email.toLowerCase(), contactId, knownAt],
    );
  }
}
