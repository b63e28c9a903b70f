import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Page, PageOf, pageQuerySchema, ZodValidationPipe } from '@helpgate/platform';
import { CreateOrganizationDto, createOrganizationSchema, OrganizationResponseDto } from './organization.dto';
import { OrganizationsService } from './organizations.service';

@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  create(@Body(new ZodValidationPipe(createOrganizationSchema)) body: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    return this.organizations.create(body);
  }

  @Get()
  list(@Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<OrganizationResponseDto>> {
    return this.organizations.list(page);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganizationResponseDto> {
    return this.organizations.get(id);
  }
}
