import { HttpStatus, Inject, Injectable, PipeTransform } from '@nestjs/common';
import { invalidInput, RequestErrorCode, RequestRefusedException } from '@helpgate/platform';
import type { ContactImportLimits } from '../config';
import { CONTACT_IMPORT_LIMITS } from './csv-body.interceptor';
import { CsvRecord, CsvSyntaxError, parseCsv } from './csv';
import { ImportColumns, importColumns } from './import-columns';

/** A CSV file whose header is usable: the columns it gives and the records under it. */
export interface ImportFile {
  columns: ImportColumns;
  records: CsvRecord[];
}

/** Turns the text of an import file into its columns and records; refuses unreadable files and files past the row limit. */
@Injectable()
export class ImportFilePipe implements PipeTransform<string, ImportFile> {
  constructor(@Inject(CONTACT_IMPORT_LIMITS) private readonly limits: ContactImportLimits) {}

  transform(text: string): ImportFile {
    const [header, ...records] = parseOrRefuse(text);
    if (!header) throw invalidFile('header', 'the file is empty');
    const read = importColumns(header.fields);
    if ('problems' in read) throw invalidFile('header', ...read.problems);
    const rowCount = records.filter((record) => record.fields.some((field) => field.trim() !== '')).length;
    if (rowCount === 0) throw invalidFile('rows', 'the file has no rows under its header');
    if (rowCount > this.limits.maxRows) {
      throw new RequestRefusedException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        RequestErrorCode.BodyTooLarge,
        `The file has ${rowCount} rows; at most ${this.limits.maxRows} are imported at once: split it`,
      );
    }
    return { columns: read.columns, records };
  }
}

function parseOrRefuse(text: string): CsvRecord[] {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw invalidFile(`line ${error.line}`, error.message);
    throw error;
  }
}

function invalidFile(path: string, ...messages: string[]): RequestRefusedException {
  return invalidInput('Invalid file', messages.map((message) => ({ path, message })));
}
