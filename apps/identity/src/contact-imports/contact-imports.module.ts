import { DynamicModule, Module } from '@nestjs/common';
import type { ContactImportLimits } from '../config';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactImportsController } from './contact-imports.controller';
import { ContactImportsRepository } from './contact-imports.repository';
import { ContactImportsService } from './contact-imports.service';
import { CONTACT_IMPORT_LIMITS } from './csv-body.interceptor';

@Module({})
export class ContactImportsModule {
  static forRoot(limits: ContactImportLimits): DynamicModule {
    return {
      module: ContactImportsModule,
      imports: [ContactsModule],
      controllers: [ContactImportsController],
      providers: [{ provide: CONTACT_IMPORT_LIMITS, useValue: limits }, ContactImportsRepository, ContactImportsService],
    };
  }
}
