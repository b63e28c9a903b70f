import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import type { OrganizationRulesConfig } from '../config';
import { ContactsModule } from '../contacts/contacts.module';
import { DuplicatePairsModule } from '../duplicate-candidates/duplicate-pairs.module';
import { DomainAssignmentService } from './domain-assignment.service';
import { DomainConflictsRepository } from './domain-conflicts.repository';
import { OrganizationDomainsController } from './organization-domains.controller';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { defaultFreeMailDomains, disposableMailDomains, PublicMailDomains } from './public-mail-domains';

@Module({})
export class OrganizationsModule {
  static forRoot(config: OrganizationRulesConfig): DynamicModule {
    return {
      module: OrganizationsModule,
      // Global because inbound mail places new contacts with the same configured rules.
      global: true,
      imports: [OutboxModule, ContactsModule, DuplicatePairsModule],
      controllers: [OrganizationsController, OrganizationDomainsController],
      providers: [
        {
          provide: PublicMailDomains,
          useValue: new PublicMailDomains([...defaultFreeMailDomains, ...config.extraFreeMailDomains], disposableMailDomains),
        },
        OrganizationsRepository,
        DomainConflictsRepository,
        DomainAssignmentService,
        OrganizationsService,
      ],
      exports: [DomainAssignmentService, OrganizationsRepository],
    };
  }
}
