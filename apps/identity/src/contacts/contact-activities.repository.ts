import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ContactActivity, activitiesPerPage, activityOffset } from './contact-activity';
import { ContactActivityEntity } from './contact-activity.entity';

@Injectable()
export class ContactActivitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an activity in the caller's transaction, so it commits with the change it is about. */
  async record(contactId: string, activity: ContactActivity, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO contact_activities (contact_id, kind, details) VALUES ($1, $2, $3)', [
      contactId,
      activity.kind,
      JSON.stringify(activity.details),
    ]);
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
