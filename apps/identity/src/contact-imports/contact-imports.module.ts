import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { ContactImportLimits } from '../config';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactImportsController } from './contact-imports.controller';
import { ContactImportsRepository } from './contact-imports.repository';
import { ContactImportsService } from './contact-imports.service';
import { CONTACT_IMPORT_LIMITS, CsvBodyMiddleware } from './csv-body.middleware';

@Module({})
export class ContactImportsModule implements NestModule {
  static forRoot(limits: ContactImportLimits): DynamicModule {
    return {
      module: ContactImportsModule,
      imports: [ContactsModule],
      controllers: [ContactImportsController],
      providers: [{ provide: CONTACT_IMPORT_LIMITS, useValue: limits }, ContactImportsRepository, ContactImportsService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsvBodyMiddleware).forRoutes({ path: 'contacts/imports', method: RequestMethod.POST });
  }
}
