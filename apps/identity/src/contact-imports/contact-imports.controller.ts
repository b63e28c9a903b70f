import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import { ContactImportReportDto } from './contact-import.dto';
import { ContactImportsService } from './contact-imports.service';
import { ImportFile, ImportFilePipe } from './import-file.pipe';

@Controller('contacts/imports')
export class ContactImportsController {
  constructor(private readonly imports: ContactImportsService) {}

  /** Imports the contacts of a CSV file sent as `text/csv`; answers the report of every row, also kept for later. */
  @AdminsOnly()
  @Post()
  run(@Body(ImportFilePipe) file: ImportFile, @CurrentPrincipal() principal: Principal): Promise<ContactImportReportDto> {
    return this.imports.run(file, actorOf(principal));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ContactImportReportDto> {
    return this.imports.get(id);
  }
}
