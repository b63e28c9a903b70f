import { Body, Controller, Delete, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import { AddDomainDto, addDomainSchema, AddedDomainResponseDto, addedDomainResponseSchema } from './organization.dto';
import { OrganizationsService } from './organizations.service';

@Controller('organizations/:id/domains')
export class OrganizationDomainsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @ResponseBody(addedDomainResponseSchema)
  add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(addDomainSchema)) body: AddDomainDto,
  ): Promise<AddedDomainResponseDto> {
    return this.organizations.addDomain(id, body);
  }

  @Delete(':domain')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id', ParseUUIDPipe) id: string, @Param('domain') domain: string): Promise<void> {
    return this.organizations.removeDomain(id, domain);
  }
}
