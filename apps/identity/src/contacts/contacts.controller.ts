import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { PageOf, ZodValidationPipe } from '@helpgate/platform';
import { ContactResponseDto, ContactSearchDto, contactSearchSchema } from './contact.dto';
import { ContactsService } from './contacts.service';

@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  search(@Query(new ZodValidationPipe(contactSearchSchema)) query: ContactSearchDto): Promise<PageOf<ContactResponseDto>> {
    return this.contacts.search(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ContactResponseDto> {
    return this.contacts.get(id);
  }
}
