import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ApiDescription, Page, PageOf, pageOf, pageQuerySchema, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  CreateOrganizationDto,
  createOrganizationSchema,
  DomainConflictResponseDto,
  domainConflictResponseSchema,
  OrganizationResponseDto,
  organizationResponseSchema,
  RenameOrganizationDto,
  renameOrganizationSchema,
  SupportContractDto,
  supportContractSchema,
} from './organization.dto';
import { OrganizationsService } from './organizations.service';

@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @ResponseBody(organizationResponseSchema)
  create(@Body(new ZodValidationPipe(createOrganizationSchema)) body: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    return this.organizations.create(body);
  }

  @Get()
  @ResponseBody(pageOf(organizationResponseSchema))
  list(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<OrganizationResponseDto>> {
    return this.organizations.list(page);
  }

  /** Contacts left in "Unassigned" because several organizations claimed their domain. Declared before `:id`. */
  @Get('conflicts')
  @ResponseBody(pageOf(domainConflictResponseSchema))
  listConflicts(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<DomainConflictResponseDto>> {
    return this.organizations.listConflicts(page);
  }

  @Get(':id')
  @ResponseBody(organizationResponseSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationResponseDto> {
    return this.organizations.get(id);
  }

  @Patch(':id')
  @ResponseBody(organizationResponseSchema)
  rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(renameOrganizationSchema)) body: RenameOrganizationDto,
  ): Promise<OrganizationResponseDto> {
    return this.organizations.rename(id, body.name);
  }

  @AdminsOnly()
  @ApiDescription(
    'Gives the organization a support contract until a day (inclusive, `YYYY-MM-DD`), or ends it with `null`; ' +
      'published as `identity.organization.changed.v1`. "Unassigned" never has one (409).',
  )
  @Put(':id/support-contract')
  @ResponseBody(organizationResponseSchema)
  setSupportContract(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(supportContractSchema)) body: SupportContractDto,
  ): Promise<OrganizationResponseDto> {
    return this.organizations.setSupportContract(id, body.activeUntil);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.organizations.delete(id);
  }
}
