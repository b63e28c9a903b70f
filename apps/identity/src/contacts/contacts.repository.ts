import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { ContactEmailEntity } from './contact-email.entity';
import { ContactEntity, ContactSource } from './contact.entity';

export interface NewContact {
  name: string;
  email: string;
  organizationId: string;
  source: ContactSource;
}

const withDetails = { emails: true, organization: true } as const;

@Injectable()
export class ContactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    const address = await manager.getRepository(ContactEmailEntity).findOne({ where: { email } });
    return address ? this.findById(address.contactId, manager) : null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    return manager.getRepository(ContactEntity).findOne({ where: { id }, relations: withDetails });
  }

  async search(filter: { email?: string }, page: Page): Promise<[ContactEntity[], number]> {
    const query = this.dataSource
      .getRepository(ContactEntity)
      .createQueryBuilder('contact')
      .leftJoinAndSelect('contact.emails', 'email')
      .leftJoinAndSelect('contact.organization', 'organization')
      .orderBy('contact.createdAt', 'DESC')
      .addOrderBy('contact.id')
      .take(page.limit)
      .skip(page.offset);
    if (filter.email) {
      query.where('contact.id IN (SELECT contact_id FROM contact_emails WHERE email = :email)', { email: filter.email });
    }
    return query.getManyAndCount();
  }

  async create(contact: NewContact, manager: EntityManager): Promise<ContactEntity> {
    const saved = await manager.getRepository(ContactEntity).save({
      name: contact.name,
      organizationId: contact.organizationId,
      source: contact.source,
    });
    await manager.getRepository(ContactEmailEntity).insert({ email: contact.email, contactId: saved.id, isPrimary: true });
    return (await this.findById(saved.id, manager))!;
  }

  async findInOrganization(organizationId: string, manager: EntityManager): Promise<ContactEntity[]> {
    return manager.getRepository(ContactEntity).find({ where: { organizationId }, relations: withDetails, order: { createdAt: 'ASC' } });
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

  /** Moves contacts to another organization; returns them as they are now. */
  async moveToOrganization(contactIds: string[], organizationId: string, manager: EntityManager): Promise<ContactEntity[]> {
    if (contactIds.length === 0) return [];
    await manager.getRepository(ContactEntity).update({ id: In(contactIds) }, { organizationId });
    return manager
      .getRepository(ContactEntity)
      .find({ where: { id: In(contactIds) }, relations: withDetails, order: { createdAt: 'ASC' } });
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
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [email]);
  }
}
