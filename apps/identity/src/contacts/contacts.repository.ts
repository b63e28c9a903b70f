import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { sha256Hex, type Page } from '@helpgate/platform';
import { mailboxKey } from './mailbox-key';
import type { PersonName } from '../domain/person-name';
import { ContactEmailEntity } from './contact-email.entity';
import { ContactMembershipEntity } from './contact-membership.entity';
import { ContactPhoneEntity, PhoneKind } from './contact-phone.entity';
import { ContactEntity, ContactSource, ContactStatus, SenderSource } from './contact.entity';

export interface ContactProfile {
  language?: string | null;
  timeZone?: string | null;
  details?: string | null;
  notes?: string | null;
  tags?: string[];
  status?: ContactStatus;
}

export interface ContactPhone {
  number: string;
  kind: PhoneKind;
}

export interface NewContact extends ContactProfile {
  name: PersonName;
  email: string;
  alternateEmails?: string[];
  phones?: ContactPhone[];
  organizationId: string;
  source: ContactSource;
}

export interface ContactFilter {
  email?: string;
  nameContains?: string;
  phone?: string;
  organizationId?: string;
  tag?: string;
  status?: ContactStatus;
}

/** A contact created for someone who wrote in (by mail or chat) from an unknown address. */
export interface NewSender {
  name: PersonName;
  email: string;
  organizationId: string;
}

/** What announcing a contact as the requester of a mail needs of it, read without its relations. */
export interface ContactSummary {
  id: string;
  name: string;
  organization: { id: string; name: string };
}

const withDetails = { emails: true, organization: true, phones: true, memberships: { organization: true } } as const;

@Injectable()
export class ContactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    const address = await manager.getRepository(ContactEmailEntity).findOne({ where: { email } });
    return address ? this.findById(address.contactId, manager) : null;
  }

  /** The contacts owning these addresses, by address, as summaries; addresses of no contact are left out. */
  async findSummariesByEmail(emails: readonly string[], manager: EntityManager): Promise<Map<string, ContactSummary>> {
    const rows: { email: string; id: string; name: string; organization_id: string; organization_name: string }[] = await manager.query(
      `SELECT address.email, contact.id, contact.name, organization.id AS organization_id, organization.name AS organization_name
         FROM contact_emails address
         JOIN contacts contact ON contact.id = address.contact_id
         JOIN organizations organization ON organization.id = contact.organization_id
        WHERE address.email = ANY($1::text[])`,
      [emails],
    );
    return new Map(
      rows.map((row) => [
        row.email,
        { id: row.id, name: row.name, organization: { id: row.organization_id, name: row.organization_name } },
      ]),
    );
  }

  /**
   * Whose timeline an entry about each of these contacts goes on, by contact id: the contact's own, or the
   * survivor's for a contact merged away. Ids of no contact are left out.
   */
  async findTimelineOwners(contactIds: readonly string[], manager: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; owner_id: string }[] = await manager.query(
      'SELECT id, coalesce(merged_into_id, id) AS owner_id FROM contacts WHERE id = ANY($1::uuid[])',
      [contactIds],
    );
    return new Map(rows.map((row) => [row.id, row.owner_id]));
  }

  /** The id the contact stands under now: its own, or that of the contact it was merged into (through any merges since). */
  async findSurvivorId(id: string, manager: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE chain (id, merged_into_id, hops) AS (
         SELECT id, merged_into_id, 0 FROM contacts WHERE id = $1
         UNION ALL
         SELECT contact.id, contact.merged_into_id, chain.hops + 1 FROM contacts contact JOIN chain ON contact.id = chain.merged_into_id
          WHERE chain.hops < 20
       )
       SELECT id FROM chain WHERE merged_into_id IS NULL`,
      [id],
    );
    return rows[0]?.id ?? null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    // `find`, not `findOne`: the row limit of findOne makes TypeORM query the ids first when it joins to-many relations.
    const [contact] = await manager.getRepository(ContactEntity).find({ where: { id }, relations: withDetails });
    return contact ?? null;
  }

  /** The contacts with these ids, in no particular order; ids of no contact are left out. */
  async findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ContactEntity[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(ContactEntity).find({ where: { id: In([...ids]) }, relations: withDetails });
  }

  /** Locks the contact's row until the transaction ends, so changes to one contact apply one after the other. */
  async lockContact(id: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT id FROM contacts WHERE id = $1 FOR UPDATE', [id]);
    return rows.length > 0;
  }

  async organizationExists(id: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT id FROM organizations WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async search(filter: ContactFilter, page: Page): Promise<[ContactEntity[], number]> {
    const query = this.dataSource
      .getRepository(ContactEntity)
      .createQueryBuilder('contact')
      .leftJoinAndSelect('contact.emails', 'email')
      .leftJoinAndSelect('contact.organization', 'organization')
      .leftJoinAndSelect('contact.phones', 'phone')
      .leftJoinAndSelect('contact.memberships', 'membership')
      .leftJoinAndSelect('membership.organization', 'memberOf')
      .where('contact.mergedIntoId IS NULL')
      .orderBy('contact.createdAt', 'DESC')
      .addOrderBy('contact.id')
      .take(page.limit)
      .skip(page.offset);
    if (filter.email) {
      query.andWhere('contact.id IN (SELECT contact_id FROM contact_emails WHERE email = :email)', { email: filter.email });
    }
    if (filter.nameContains) {
      query.andWhere('contact.name ILIKE :name', { name: `%${escapeLikePattern(filter.nameContains)}%` });
    }
    if (filter.phone) {
      query.andWhere('contact.id IN (SELECT contact_id FROM contact_phones WHERE number = :phone)', { phone: filter.phone });
    }
    if (filter.organizationId) {
      query.andWhere('contact.id IN (SELECT contact_id FROM contact_organizations WHERE organization_id = :organizationId)', {
        organizationId: filter.organizationId,
      });
    }
    if (filter.tag) query.andWhere('contact.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    if (filter.status) query.andWhere('contact.status = :status', { status: filter.status });
    return query.getManyAndCount();
  }

  async create(contact: NewContact, manager: EntityManager): Promise<ContactEntity> {
    const { name, email, alternateEmails = [], phones = [], organizationId, source, ...profile } = contact;
    const saved = await manager.getRepository(ContactEntity).save({
      ...profile,
      name: name.fullName,
      firstName: name.firstName,
      lastName: name.lastName,
      organizationId,
      source,
    });
    const addresses = [email, ...alternateEmails];
    // Addresses (the first one primary), phones and the default membership in one round trip, which costs more than they do.
    await manager.query(
      `WITH addresses AS (
         INSERT INTO contact_emails (email, mailbox_key, contact_id, is_primary)
         SELECT address.email, address.mailbox_key, $1, address.position = 1
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS address (email, mailbox_key, position)
       ), phones AS (
         INSERT INTO contact_phones (contact_id, number, kind)
         SELECT $1, phone.number, phone.kind FROM unnest($4::text[], $5::text[]) AS phone (number, kind)
       )
       INSERT INTO contact_organizations (contact_id, organization_id) VALUES ($1, $6)`,
      [
        saved.id,
        addresses,
        addresses.map(mailboxKey),
        phones.map((phone) => phone.number),
        phones.map((phone) => phone.kind),
        organizationId,
      ],
    );
    return (await this.findById(saved.id, manager))!;
  }

  /**
   * Creates the contacts of new senders (of mail, or chat visitors), each with its address as its primary one and its
   * default membership, in one statement; returns them in the order given.
   */
  async createSenders(senders: readonly NewSender[], source: SenderSource, manager: EntityManager): Promise<ContactEntity[]> {
    if (senders.length === 0) return [];
    const records = senders.map(({ name, email, organizationId }) => ({
      id: randomUUID(),
      name: name.fullName,
      first_name: name.firstName,
      last_name: name.lastName,
      organization_id: organizationId,
      email,
      mailbox_key: mailboxKey(email),
    }));
    await manager.query(
      `WITH given AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS given (id uuid, name text, first_name text, last_name text,
                                                                  organization_id uuid, email text, mailbox_key text)
       ), contact AS (
         INSERT INTO contacts (id, name, first_name, last_name, organization_id, source)
         SELECT id, name, first_name, last_name, organization_id, $2 FROM given
       ), address AS (
         INSERT INTO contact_emails (email, mailbox_key, contact_id, is_primary) SELECT email, mailbox_key, id, true FROM given
       )
       INSERT INTO contact_organizations (contact_id, organization_id) SELECT id, organization_id FROM given`,
      [JSON.stringify(records), source],
    );
    const created = new Map(
      (
        await this.findByIds(
          records.map((record) => record.id),
          manager,
        )
      ).map((contact) => [contact.id, contact]),
    );
    return records.map((record) => created.get(record.id)!);
  }

  /** Changes the given profile fields, and the update time. */
  async updateProfile(id: string, profile: ContactProfile & { name?: PersonName }, manager: EntityManager): Promise<void> {
    const { name, ...fields } = profile;
    const nameColumns = name && { name: name.fullName, firstName: name.firstName, lastName: name.lastName };
    await manager.getRepository(ContactEntity).update({ id }, { ...fields, ...nameColumns, updatedAt: new Date() });
  }

  /** Moves the update time, for changes to the contact's addresses, phones or memberships. */
  async touch(id: string, manager: EntityManager): Promise<void> {
    await this.updateProfile(id, {}, manager);
  }

  async replacePhones(contactId: string, phones: ContactPhone[], manager: EntityManager): Promise<void> {
    await manager.getRepository(ContactPhoneEntity).delete({ contactId });
    if (phones.length === 0) return;
    await manager.getRepository(ContactPhoneEntity).insert(phones.map((phone) => ({ ...phone, contactId })));
  }

  async addEmail(contactId: string, email: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(ContactEmailEntity).insert({ email, mailboxKey: mailboxKey(email), contactId });
  }

  /** Removes one of the contact's addresses; false when it has no such address. */
  async removeEmail(contactId: string, email: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(ContactEmailEntity).delete({ contactId, email });
    return (result.affected ?? 0) > 0;
  }

  /** Makes one of the contact's addresses its primary one. */
  async setPrimaryEmail(contactId: string, email: string, manager: EntityManager): Promise<void> {
    // Two statements: one may have at most one primary address at every moment, not just at commit.
    await manager.getRepository(ContactEmailEntity).update({ contactId, isPrimary: true }, { isPrimary: false });
    await manager.getRepository(ContactEmailEntity).update({ contactId, email }, { isPrimary: true });
  }

  /** Marks one of the contact's addresses verified (keeping the first verification time); false when it has no such address. */
  async verifyEmail(contactId: string, email: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'UPDATE contact_emails SET verified_at = coalesce(verified_at, now()) WHERE contact_id = $1 AND email = $2 RETURNING email',
      [contactId, email],
    );
    return rows.length > 0;
  }

  async setMembership(contactId: string, organizationId: string, isPrimaryContact: boolean, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO contact_organizations (contact_id, organization_id, is_primary_contact) VALUES ($1, $2, $3)
        ON CONFLICT (contact_id, organization_id) DO UPDATE SET is_primary_contact = excluded.is_primary_contact`,
      [contactId, organizationId, isPrimaryContact],
    );
  }

  /** Ends a membership; false when the contact was not a member. */
  async removeMembership(contactId: string, organizationId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(ContactMembershipEntity).delete({ contactId, organizationId });
    return (result.affected ?? 0) > 0;
  }

  /** Makes an organization the contact's default one, a membership included; other memberships stay. */
  async setDefaultOrganization(contactId: string, organizationId: string, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO contact_organizations (contact_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      contactId,
      organizationId,
    ]);
    await manager.getRepository(ContactEntity).update({ id: contactId }, { organizationId });
  }

  /** Records that mail from these contacts arrived now. */
  async markSeen(contactIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query('UPDATE contacts SET last_seen_at = now() WHERE id = ANY($1::uuid[])', [contactIds]);
  }

  async markSignedIn(contactId: string): Promise<void> {
    await this.dataSource.query('UPDATE contacts SET last_signed_in_at = now() WHERE id = $1', [contactId]);
  }

  /** The ids of the contacts with a membership in the organization, its default one or not. */
  async findMemberIds(organizationId: string, manager: EntityManager): Promise<string[]> {
    const rows: { contact_id: string }[] = await manager.query('SELECT contact_id FROM contact_organizations WHERE organization_id = $1', [
      organizationId,
    ]);
    return rows.map((row) => row.contact_id);
  }

  async findInOrganization(organizationId: string, manager: EntityManager): Promise<ContactEntity[]> {
    return manager
      .getRepository(ContactEntity)
      .find({ where: { organizationId, mergedIntoId: IsNull() }, relations: withDetails, order: { createdAt: 'ASC' } });
  }

  /**
   * The contacts of an organization whose primary address is at `domain`, or at its subdomains when asked.
   * `domain` is normalized (letters, digits, hyphens and dots), so it holds no LIKE wildcard.
   */
  async findInOrganizationAtDomain(
    organizationId: string,
    domain: string,
    includeSubdomains: boolean,
    manager: EntityManager,
  ): Promise<ContactEntity[]> {
    const ids: { contact_id: string }[] = await manager.query(
      `SELECT email.contact_id FROM contact_emails email JOIN contacts contact ON contact.id = email.contact_id
        WHERE email.is_primary AND contact.organization_id = $1
          AND (split_part(email.email, '@', 2) = $2 OR ($3 AND split_part(email.email, '@', 2) LIKE '%.' || $2))`,
      [organizationId, domain, includeSubdomains],
    );
    if (ids.length === 0) return [];
    return manager.getRepository(ContactEntity).find({
      where: { id: In(ids.map((row) => row.contact_id)) },
      relations: withDetails,
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Moves contacts to another default organization; returns them as they are now. The membership of the
   * organization they leave goes with it; one they already held in the new organization stays as it is.
   */
  async moveToOrganization(contactIds: string[], organizationId: string, manager: EntityManager): Promise<ContactEntity[]> {
    if (contactIds.length === 0) return [];
    await manager.query(
      `DELETE FROM contact_organizations membership USING contacts contact
        WHERE contact.id = membership.contact_id AND membership.organization_id = contact.organization_id
          AND contact.id = ANY($1) AND contact.organization_id <> $2`,
      [contactIds, organizationId],
    );
    await manager.getRepository(ContactEntity).update({ id: In(contactIds) }, { organizationId });
    await manager.query(
      'INSERT INTO contact_organizations (contact_id, organization_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING',
      [contactIds, organizationId],
    );
    return manager
      .getRepository(ContactEntity)
      .find({ where: { id: In(contactIds) }, relations: withDetails, order: { createdAt: 'ASC' } });
  }

  /** Gives every address of one contact to another, as alternates: the other keeps its primary address. */
  async moveEmails(fromContactId: string, toContactId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE contact_emails SET contact_id = $2, is_primary = false WHERE contact_id = $1', [
      fromContactId,
      toContactId,
    ]);
  }

  /** Hands the domain conflicts listed for one contact to another, which now has the addresses they are about. */
  async moveDomainConflicts(fromContactId: string, toContactId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE organization_domain_conflicts SET contact_id = $2 WHERE contact_id = $1', [fromContactId, toContactId]);
  }

  /** Hands the transcripts of chats on one contact's profile to another, which now stands for the same person. */
  async moveChatTranscripts(fromContactId: string, toContactId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_transcripts SET contact_id = $2 WHERE contact_id = $1', [fromContactId, toContactId]);
  }

  /**
   * Turns a contact whose addresses and phones have moved into a tombstone pointing at the survivor: inactive,
   * in no organization but "Unassigned", which can never be deleted, so the row outlives any organization.
   */
  async markMerged(contactId: string, survivorId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(ContactMembershipEntity).delete({ contactId });
    await manager.query(
      `UPDATE contacts SET merged_into_id = $2, merged_at = now(), status = 'inactive', updated_at = now(),
              organization_id = (SELECT id FROM organizations WHERE is_default)
        WHERE id = $1`,
      [contactId, survivorId],
    );
  }

  /**
   * Removes everything that identifies the contact besides its profile: its addresses (free for anyone again), phones,
   * the domain conflicts listed about its address, its address in import reports and the transcripts of its chats.
   * Sets when it was anonymized.
   */
  async eraseIdentifiers(contactId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(ContactEmailEntity).delete({ contactId });
    await manager.getRepository(ContactPhoneEntity).delete({ contactId });
    await manager.query('DELETE FROM organization_domain_conflicts WHERE contact_id = $1', [contactId]);
    await manager.query('DELETE FROM chat_transcripts WHERE contact_id = $1', [contactId]);
    await manager.query('UPDATE contact_import_rows SET email = NULL WHERE contact_id = $1', [contactId]);
    await manager.query('UPDATE contacts SET anonymized_at = now() WHERE id = $1', [contactId]);
  }

  /**
   * Remembers the addresses of an erased contact, as their sha256 only, with the time of the erasure: mail from them
   * received before it but handled after it must not make the person a contact again.
   */
  async rememberErasedAddresses(emails: readonly string[], erasedAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO erased_addresses (address_sha256, erased_at) SELECT unnest($1::text[]), $2
       ON CONFLICT (address_sha256) DO UPDATE SET erased_at = greatest(erased_addresses.erased_at, excluded.erased_at)`,
      [[...new Set(emails.map((email) => sha256Hex(email)))], erasedAt],
    );
  }

  /** When each of the addresses was last erased, for those that were. */
  async erasuresOf(emails: readonly string[], manager: EntityManager): Promise<Map<string, Date>> {
    const keys = new Map(emails.map((email) => [sha256Hex(email), email]));
    const rows: { key: string; erasedAt: Date }[] = await manager.query(
      'SELECT address_sha256 AS key, erased_at AS "erasedAt" FROM erased_addresses WHERE address_sha256 = ANY($1)',
      [[...keys.keys()]],
    );
    return new Map(rows.map((row) => [keys.get(row.key)!, row.erasedAt]));
  }

  /** Marks the contact's own addresses among `emails` undeliverable; returns how many it marked. */
  async markUndeliverable(contactId: string, emails: string[], reason: string, manager: EntityManager): Promise<number> {
    const result = await manager
      .getRepository(ContactEmailEntity)
      .update({ contactId, email: In(emails) }, { undeliverableSince: new Date(), undeliverableReason: reason });
    return result.affected ?? 0;
  }

  /**
   * Serializes everyone creating or looking up a contact for one address, across all identity
   * instances, until the caller's transaction ends: two first mails from one sender make one contact.
   */
  async lockAddress(email: string, manager: EntityManager): Promise<void> {
    await this.lockAddresses([email], manager);
  }

  /**
   * `lockAddress` for several addresses in one statement. Every holder of several address locks takes them
   * here, in one order, so two transactions locking overlapping addresses cannot deadlock.
   */
  async lockAddresses(emails: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(address, 0))
         FROM unnest($1::text[]) WITH ORDINALITY AS locked (address, position)
        ORDER BY position`,
      [inLockOrder(emails)],
    );
  }
}

/** The distinct addresses in the order their locks are taken. */
export function inLockOrder(emails: readonly string[]): string[] {
  return [...new Set(emails)].sort();
}

function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
