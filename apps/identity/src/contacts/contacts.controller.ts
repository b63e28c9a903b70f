import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { PageOf, ZodValidationPipe } from '@helpgate/platform';
import {
  AddEmailDto,
  addEmailSchema,
  ContactResponseDto,
  ContactSearchDto,
  contactSearchSchema,
  CreateContactDto,
  createContactSchema,
  MembershipDto,
  membershipSchema,
  UpdateContactDto,
  updateContactSchema,
} from './contact.dto';
import { ContactsService } from './contacts.service';

@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  create(@Body(new ZodValidationPipe(createContactSchema)) body: CreateContactDto): Promise<ContactResponseDto> {
    return this.contacts.create(body);
  }

  @Get()
  search(@Query(new ZodValidationPipe(contactSearchSchema)) query: ContactSearchDto): Promise<PageOf<ContactResponseDto>> {
    return this.contacts.search(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ContactResponseDto> {
    return this.contacts.get(id);
  }

  @Patch(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateContactSchema)) body: UpdateContactDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.update(id, body);
  }

  @Post(':id/emails')
  addEmail(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(addEmailSchema)) body: AddEmailDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.addEmail(id, body.email);
  }

  @Delete(':id/emails/:email')
  removeEmail(@Param('id', ParseUUIDPipe) id: string, @Param('email') email: string): Promise<ContactResponseDto> {
    return this.contacts.removeEmail(id, email);
  }

  @Post(':id/emails/:email/verify')
  @HttpCode(HttpStatus.OK)
  verifyEmail(@Param('id', ParseUUIDPipe) id: string, @Param('email') email: string): Promise<ContactResponseDto> {
    return this.contacts.verifyEmail(id, email);
  }

  @Put(':id/organizations/:organizationId')
  setMembership(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organizationId', ParseUUIDPipe) organizationId: string,
    @Body(new ZodValidationPipe(membershipSchema)) body: MembershipDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.setMembership(id, organizationId, body.isPrimaryContact);
  }

  @Delete(':id/organizations/:organizationId')
  removeMembership(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organizationId', ParseUUIDPipe) organizationId: string,
  ): Promise<ContactResponseDto> {
    return this.contacts.removeMembership(id, organizationId);
  }
}
