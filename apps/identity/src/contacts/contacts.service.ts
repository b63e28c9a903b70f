import { Injectable } from '@nestjs/common';
import type { PageOf } from '@helpgate/platform';
import { normalizeEmail } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { ContactResponseDto, ContactSearchDto, toContactResponse } from './contact.dto';
import { ContactsRepository } from './contacts.repository';

@Injectable()
export class ContactsService {
  constructor(private readonly contacts: ContactsRepository) {}

  async search({ email, limit, offset }: ContactSearchDto): Promise<PageOf<ContactResponseDto>> {
    const normalized = email === undefined ? undefined : normalizeEmail(email);
    if (normalized === null) throw new IdentityException(IdentityErrorCode.InvalidEmail, `"${email}" is not an email address`);
    const [contacts, total] = await this.contacts.search({ email: normalized }, { limit, offset });
    return { items: contacts.map(toContactResponse), total, limit, offset };
  }

  async get(id: string): Promise<ContactResponseDto> {
    const contact = await this.contacts.findById(id);
    if (!contact) throw new IdentityException(IdentityErrorCode.ContactNotFound, `No contact ${id}`);
    return toContactResponse(contact);
  }
}
