import { Injectable } from '@nestjs/common';
import { ContactActivitiesRepository } from './contact-activities.repository';
import { ContactActivityPageDto, toActivityResponse } from './contact-activity.dto';
import { ContactsRepository } from './contacts.repository';
import { contactNotFound } from './contacts.service';

@Injectable()
export class ContactActivityService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
  ) {}

  async timeline(contactId: string, page: number): Promise<ContactActivityPageDto> {
    if (!(await this.contacts.findById(contactId))) throw contactNotFound(contactId);
    const [entries, total] = await this.activities.page(contactId, page);
    return { items: entries.map(toActivityResponse), page, total };
  }
}
