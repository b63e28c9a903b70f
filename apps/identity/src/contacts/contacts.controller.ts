import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  AddEmailDto,
  addEmailSchema,
  ContactResponseDto,
  contactResponseSchema,
  ContactSearchDto,
  contactSearchSchema,
  CreateContactDto,
  createContactSchema,
  MembershipDto,
  membershipSchema,
  MergeContactDto,
  mergeContactSchema,
  UpdateContactDto,
  updateContactSchema,
} from './contact.dto';
import { ActivityQueryDto, activityQuerySchema, ContactActivityPageDto, contactActivityPageSchema } from './contact-activity.dto';
import { ContactActivityService } from './contact-activity.service';
import { AnonymizeContactUseCase } from './anonymize-contact.use-case';
import { ContactsService } from './contacts.service';
import { MergeContactsUseCase } from './merge-contacts.use-case';

@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly mergeContacts: MergeContactsUseCase,
    private readonly activity: ContactActivityService,
    private readonly anonymizeContact: AnonymizeContactUseCase,
  ) {}

  @Post()
  @ResponseBody(contactResponseSchema)
  create(@Body(new ZodValidationPipe(createContactSchema)) body: CreateContactDto): Promise<ContactResponseDto> {
    return this.contacts.create(body);
  }

  @Get()
  @ResponseBody(pageOf(contactResponseSchema))
  search(@Query(new ZodValidationPipe(contactSearchSchema)) query: ContactSearchDto): Promise<PageOf<ContactResponseDto>> {
    return this.contacts.search(query);
  }

  /** A merged-away contact's id answers a permanent redirect (relative `Location`: the survivor's id). */
  @Get(':id')
  @ResponseBody(contactResponseSchema)
  async get(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response): Promise<void> {
    const found = await this.contacts.get(id);
    if ('mergedIntoId' in found) response.redirect(HttpStatus.PERMANENT_REDIRECT, found.mergedIntoId);
    else response.json(found.contact);
  }

  @Get(':id/activity')
  @ResponseBody(contactActivityPageSchema)
  timeline(
    @Param('id', ParseUUIDPipe) id: string,
    @Query(new ZodValidationPipe(activityQuerySchema)) query: ActivityQueryDto,
  ): Promise<ContactActivityPageDto> {
    return this.activity.timeline(id, query.page);
  }

  @Post(':id/merge')
  @ResponseBody(contactResponseSchema)
  @HttpCode(HttpStatus.OK)
  merge(
    @Param('id', ParseUUIDPipe) survivorId: string,
    @Body(new ZodValidationPipe(mergeContactSchema)) body: MergeContactDto,
  ): Promise<ContactResponseDto> {
    return this.mergeContacts.execute(survivorId, body.contactId);
  }

  /** Erases the contact's personal data; the row and its timeline stay under a placeholder name. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.anonymizeContact.execute(id);
  }

  @Patch(':id')
  @ResponseBody(contactResponseSchema)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateContactSchema)) body: UpdateContactDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.update(id, body);
  }

  @Post(':id/emails')
  @ResponseBody(contactResponseSchema)
  addEmail(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(addEmailSchema)) body: AddEmailDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.addEmail(id, body.email);
  }

  @Delete(':id/emails/:email')
  @ResponseBody(contactResponseSchema)
  removeEmail(@Param('id', ParseUUIDPipe) id: string, @Param('email') email: string): Promise<ContactResponseDto> {
    return this.contacts.removeEmail(id, email);
  }

  @Post(':id/emails/:email/verify')
  @ResponseBody(contactResponseSchema)
  @HttpCode(HttpStatus.OK)
  verifyEmail(@Param('id', ParseUUIDPipe) id: string, @Param('email') email: string): Promise<ContactResponseDto> {
    return this.contacts.verifyEmail(id, email);
  }

  @Put(':id/organizations/:organizationId')
  @ResponseBody(contactResponseSchema)
  setMembership(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organizationId', ParseUUIDPipe) organizationId: string,
    @Body(new ZodValidationPipe(membershipSchema)) body: MembershipDto,
  ): Promise<ContactResponseDto> {
    return this.contacts.setMembership(id, organizationId, body.isPrimaryContact);
  }

  @Delete(':id/organizations/:organizationId')
  @ResponseBody(contactResponseSchema)
  removeMembership(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organizationId', ParseUUIDPipe) organizationId: string,
  ): Promise<ContactResponseDto> {
    return this.contacts.removeMembership(id, organizationId);
  }
}
