import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ContactActivity, activitiesPerPage, activityOffset } from './contact-activity';
import { ContactActivityEntity } from './contact-activity.entity';

export interface ContactActivityEntry {
  contactId: string;
  activity: ContactActivity;
}

@Injectable()
export class ContactActivitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an activity in the caller's transaction, so it commits with the change it is about. */
  async record(contactId: string, activity: ContactActivity, manager: EntityManager): Promise<void> {
    await this.recordAll([{ contactId, activity }], manager);
  }

  /** `record` for many entries in one statement; their times follow the order given. */
  async recordAll(entries: readonly ContactActivityEntry[], manager: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO contact_activities (contact_id, kind, details)
       SELECT contact_id, kind, details FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS entry (contact_id, kind, details)`,
      [
        entries.map((entry) => entry.contactId),
        entries.map((entry) => entry.activity.kind),
        entries.map((entry) => JSON.stringify(entry.activity.details)),
      ],
    );
  }

  /** One page of the contact's timeline, newest first, and how many entries it has in all. */
  async page(contactId: string, page: number): Promise<[ContactActivityEntity[], number]> {
    return this.dataSource.getRepository(ContactActivityEntity).findAndCount({
      where: { contactId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: activitiesPerPage,
      skip: activityOffset(page),
    });
  }
}
