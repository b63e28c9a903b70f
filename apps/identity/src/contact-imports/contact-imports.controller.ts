import { Body, Controller, Get, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { actorOf, AdminsOnly, CurrentPrincipal, Principal } from '@helpgate/auth';
import { ApiDescription, ResponseBody } from '@helpgate/platform';
import { ContactImportReportDto, contactImportReportSchema } from './contact-import.dto';
import { ContactImportsService } from './contact-imports.service';
import { CsvBodyInterceptor } from './csv-body.interceptor';
import { ImportFile, ImportFilePipe } from './import-file.pipe';

@Controller('contacts/imports')
export class ContactImportsController {
  constructor(private readonly imports: ContactImportsService) {}

  /** Imports the contacts of a CSV file sent as `text/csv`; answers the report of every row, also kept for later. */
  @AdminsOnly()
  @ApiDescription(
    'The body is the CSV file itself, sent as `text/csv` (UTF-8 unless a charset is given), not JSON: a header row ' +
      'with `email` and any of first name, last name, name, phone, organization, language, time zone, tags (`;`), ' +
      'notes, details, status. Answers the report of every row: created, updated, unchanged or refused with the reason. ' +
      '413 past the size or row limit; 415 for another content type.',
  )
  @Post()
  @UseInterceptors(CsvBodyInterceptor)
  @ResponseBody(contactImportReportSchema)
  importFile(@Body(ImportFilePipe) file: ImportFile, @CurrentPrincipal() principal: Principal): Promise<ContactImportReportDto> {
    return this.imports.run(file, actorOf(principal));
  }

  @Get(':id')
  @ResponseBody(contactImportReportSchema)
  report(@Param('id', ParseUUIDPipe) id: string): Promise<ContactImportReportDto> {
    return this.imports.get(id);
  }
}
