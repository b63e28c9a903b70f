import { Injectable, Logger } from '@nestjs/common';
import { ContactEntity } from '../contacts/contact.entity';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactsService } from '../contacts/contacts.service';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { plainText } from '../domain/plain-text';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { ContactImportReportDto, toImportReport } from './contact-import.dto';
import { ContactImportsRepository, ImportedRow } from './contact-imports.repository';
import { importChanges, ImportRow, readImportRow } from './import-row';
import type { ImportFile } from './import-file.pipe';

/** What one import has seen so far: a file must not name one address, or one contact, twice. */
interface ImportState {
  lineByEmail: Map<string, number>;
  lineByContact: Map<string, number>;
  organizationIdByName: Map<string, string | null>;
}

type RowOutcome = Omit<ImportedRow, 'line' | 'email'>;

const refused = (reason: string): RowOutcome => ({ outcome: 'refused', reason });

const noOrganizationNamed = (name: string) => `organization: there is no organization named "${plainText(name).slice(0, 200)}"`;

/**
 * Imports contacts from a file, row by row: a row creates the contact of its address (placed by the domain rules
 * unless it names an organization) or updates the contact that has the address. Contacts are created and changed
 * through the contacts service, each row in its own transaction with its event and timeline entry; a row refused
 * leaves the others alone. Imported contacts are never sent a welcome mail.
 */
@Injectable()
export class ContactImportsService {
  private readonly logger = new Logger(ContactImportsService.name);

  constructor(
    private readonly contactsService: ContactsService,
    private readonly contacts: ContactsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly imports: ContactImportsRepository,
  ) {}

  async run(file: ImportFile, importedBy: string): Promise<ContactImportReportDto> {
    const state: ImportState = { lineByEmail: new Map(), lineByContact: new Map(), organizationIdByName: new Map() };
    const rows: ImportedRow[] = [];
    for (const { line, fields } of file.records) {
      const read = readImportRow(file.columns, fields);
      if (read.kind === 'blank') continue;
      const outcome = read.kind === 'refused' ? refused(read.reason) : await this.importRow(read.row, line, state);
      rows.push({ line, email: read.kind === 'refused' ? read.email : read.row.email, ...outcome });
    }
    const id = await this.imports.save({ importedBy, unknownColumns: file.columns.unknown, rows });
    const report = toImportReport((await this.imports.findById(id))!);
    const { created, updated, unchanged, refused: refusedRows } = report;
    this.logger.log({ importId: id, created, updated, unchanged, refused: refusedRows }, 'contacts imported');
    return report;
  }

  async get(id: string): Promise<ContactImportReportDto> {
    const contactImport = await this.imports.findById(id);
    if (!contactImport) throw new IdentityException(IdentityErrorCode.ContactImportNotFound, `No contact import ${id}`);
    return toImportReport(contactImport);
  }

  private async importRow(row: ImportRow, line: number, state: ImportState): Promise<RowOutcome> {
    const earlierLine = state.lineByEmail.get(row.email);
    if (earlierLine !== undefined) return refused(`line ${earlierLine} has the same email`);
    state.lineByEmail.set(row.email, line);
    const organizationId = await this.organizationIdFor(row.organizationName, state);
    if (organizationId === null) return refused(noOrganizationNamed(row.organizationName!));
    try {
      return await this.apply(row, organizationId, line, state);
    } catch (error) {
      if (error instanceof IdentityException) return refused(error.message);
      throw error;
    }
  }

  /** Creates or updates the row's contact; a contact someone else created meanwhile is updated instead. */
  private async apply(row: ImportRow, organizationId: string | undefined, line: number, state: ImportState): Promise<RowOutcome> {
    const existing = await this.contacts.findByEmail(row.email);
    if (existing) return this.update(existing, row, organizationId, line, state);
    try {
      const created = await this.contactsService.create({ ...row.contact, organizationId }, 'import');
      state.lineByContact.set(created.id, line);
      return { outcome: 'created', contactId: created.id };
    } catch (error) {
      const createdMeanwhile = error instanceof IdentityException && error.code === IdentityErrorCode.EmailTaken;
      const contact = createdMeanwhile ? await this.contacts.findByEmail(row.email) : null;
      if (!contact) throw error;
      return this.update(contact, row, organizationId, line, state);
    }
  }

  private async update(
    contact: ContactEntity,
    row: ImportRow,
    organizationId: string | undefined,
    line: number,
    state: ImportState,
  ): Promise<RowOutcome> {
    const earlierLine = state.lineByContact.get(contact.id);
    if (earlierLine !== undefined) return refused(`line ${earlierLine} has another address of the same contact`);
    state.lineByContact.set(contact.id, line);
    const result = importChanges(contact, row.contact, organizationId);
    if ('refusal' in result) return refused(result.refusal);
    if (Object.keys(result.changes).length === 0) return { outcome: 'unchanged', contactId: contact.id };
    await this.contactsService.update(contact.id, result.changes);
    return { outcome: 'updated', contactId: contact.id };
  }

  /** The id of the organization a row names (undefined when it names none), null when there is no such organization. */
  private async organizationIdFor(name: string | null, state: ImportState): Promise<string | null | undefined> {
    if (name === null) return undefined;
    const key = name.toLowerCase();
    if (!state.organizationIdByName.has(key)) state.organizationIdByName.set(key, await this.organizations.findIdByName(name));
    return state.organizationIdByName.get(key)!;
  }
}
