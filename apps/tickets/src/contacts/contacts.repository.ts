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
  /** Contacts' profiles with their primary addresses (identity.contact.changed), in the order identity told them. */
  async saveContacts(contacts: (ContactFacts & { email: string; knownAt: Date })[], manager: EntityManager): Promise<void> {
    const latest = latestOf(contacts, (contact) => contact.id);
    await this.saveWithAddresses(
      `INSERT INTO contacts (id, email, name, organization_id, organization_name, known_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[])
         ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, organization_id = excluded.organization_id,
                                        organization_name = excluded.organization_name, known_at = excluded.known_at
          WHERE contacts.known_at <= excluded.known_at`,
      [
        latest.map((contact) => contact.id),
        latest.map((contact) => contact.email.toLowerCase()),
        latest.map((contact) => contact.name),
        latest.map((contact) => contact.organizationId),
        latest.map((contact) => contact.organizationName),
        latest.map((contact) => contact.knownAt),
      ],
      contacts.map((contact) => ({ email: contact.email, contactId: contact.id, knownAt: contact.knownAt })),
      manager,
    );
  }

  /**
   * Contacts as the requesters of mails, in the order of the mails: the address a contact wrote from becomes its
   * primary one only if it had none here (the first mail's, when it is new).
   */
  async saveRequesters(requesters: (ContactFacts & { address: string; knownAt: Date })[], manager: EntityManager): Promise<void> {
    const latest = latestOf(requesters, (requester) => requester.id);
    const firstAddress = new Map<string, string>();
    for (const requester of requesters) if (!firstAddress.has(requester.id)) firstAddress.set(requester.id, requester.address);
    await this.saveWithAddresses(
      `INSERT INTO contacts (id, email, name, organization_id, organization_name, known_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[])
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, organization_id = excluded.organization_id,
                                        organization_name = excluded.organization_name, known_at = excluded.known_at
          WHERE contacts.known_at <= excluded.known_at`,
      [
        latest.map((requester) => requester.id),
        latest.map((requester) => firstAddress.get(requester.id)!.toLowerCase()),
        latest.map((requester) => requester.name),
        latest.map((requester) => requester.organizationId),
        latest.map((requester) => requester.organizationName),
        latest.map((requester) => requester.knownAt),
      ],
      requesters.map((requester) => ({ email: requester.address, contactId: requester.id, knownAt: requester.knownAt })),
      manager,
    );
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

  /** Remembers that identity erased these contacts, by id alone, so what arrives for them later is not filed. */
  async rememberErased(ids: string[], erasedAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      'INSERT INTO erased_contacts (contact_id, erased_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT (contact_id) DO NOTHING',
      [ids, erasedAt],
    );
  }

  /** Those of the contacts identity erased. */
  async erasedAmong(ids: string[], manager: EntityManager): Promise<Set<string>> {
    const rows: { contactId: string }[] = await manager.query(
      'SELECT contact_id AS "contactId" FROM erased_contacts WHERE contact_id = ANY($1)',
      [ids],
    );
    return new Set(rows.map((row) => row.contactId));
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

  /**
   * Writes the contacts (`contactsUpsert`, over parameters $1 to $6) and their addresses in one statement, one round
   * trip: Postgres checks the addresses' reference to their contact at the end of the statement, after both writes.
   */
  private async saveWithAddresses(
    contactsUpsert: string,
    contactColumns: unknown[][],
    addresses: { email: string; contactId: string; knownAt: Date }[],
    manager: EntityManager,
  ): Promise<void> {
    const latest = latestOf(
      addresses.map((address) => ({ ...address, email: address.email.toLowerCase() })),
      (address) => address.email,
    );
    await manager.query(
      `WITH saved_contacts AS (${contactsUpsert})
       INSERT INTO contact_addresses (email, contact_id, known_at)
       SELECT * FROM unnest($7::text[], $8::uuid[], $9::timestamptz[])
         ON CONFLICT (email) DO UPDATE SET contact_id = excluded.contact_id, known_at = excluded.known_at
          WHERE contact_addresses.known_at <= excluded.known_at`,
      [
        ...contactColumns,
        latest.map((address) => address.email),
        latest.map((address) => address.contactId),
        latest.map((address) => address.knownAt),
      ],
    );
  }
}

/**
 * One fact per key, the one a write per fact in the order given would leave (the newest; of equally new ones, the
 * last): one statement cannot write a row twice.
 */
function latestOf<Fact extends { knownAt: Date }>(facts: Fact[], keyOf: (fact: Fact) => string): Fact[] {
  const latest = new Map<string, Fact>();
  for (const fact of facts) {
    const kept = latest.get(keyOf(fact));
    if (!kept || kept.knownAt <= fact.knownAt) latest.set(keyOf(fact), fact);
  }
  return [...latest.values()];
}
