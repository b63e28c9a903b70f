import { DynamicModule, Module } from '@nestjs/common';
import { DeadLettersModule, PlatformModule } from '@helpgate/platform';
import { AccessModule } from './access/access.module';
import { OneTimeLinksModule } from './access/one-time-links.module';
import { ChatRequestersModule } from './chat-requesters/chat-requesters.module';
import { ChatTranscriptEntity } from './chat-transcripts/chat-transcript.entity';
import { ChatTranscriptsModule } from './chat-transcripts/chat-transcripts.module';
import { AgentsModule } from './agents/agents.module';
import { IdentityConfig } from './config';
import { ContactActivityEntity } from './contacts/contact-activity.entity';
import { ContactEmailEntity } from './contacts/contact-email.entity';
import { ContactMembershipEntity } from './contacts/contact-membership.entity';
import { ContactPhoneEntity } from './contacts/contact-phone.entity';
import { ContactEntity } from './contacts/contact.entity';
import { ContactImportEntity, ContactImportRowEntity } from './contact-imports/contact-import.entity';
import { ContactImportsModule } from './contact-imports/contact-imports.module';
import { ContactsModule } from './contacts/contacts.module';
import { InboundMailModule } from './inbound-mail/inbound-mail.module';
import { TicketActivityModule } from './ticket-activity/ticket-activity.module';
import { CreateIdentitySchema1763900000100 } from './migrations/1763900000100-create-identity-schema';
import { UndeliverableAddresses1763900000110 } from './migrations/1763900000110-undeliverable-addresses';
import { OrganizationDomainRules1763900000120 } from './migrations/1763900000120-organization-domain-rules';
import { ContactProfile1763900000130 } from './migrations/1763900000130-contact-profile';
import { IdentitySettings1763900000140 } from './migrations/1763900000140-identity-settings';
import { ContactMerge1763900000150 } from './migrations/1763900000150-contact-merge';
import { ContactActivity1763900000160 } from './migrations/1763900000160-contact-activity';
import { ContactAnonymization1763900000170 } from './migrations/1763900000170-contact-anonymization';
import { ContactImports1763900000180 } from './migrations/1763900000180-contact-imports';
import { DuplicateCandidates1763900000181 } from './migrations/1763900000181-duplicate-candidates';
import { Access1763900000190 } from './migrations/1763900000190-access';
import { OrganizationSupportContracts1763900000192 } from './migrations/1763900000192-organization-support-contracts';
import { ChatOnContactProfiles1763900000194 } from './migrations/1763900000194-chat-on-contact-profiles';
import { SessionsAndSignInThrottle1763900000196 } from './migrations/1763900000196-sessions-and-sign-in-throttle';
import { ErasedAddresses1763900000198 } from './migrations/1763900000198-erased-addresses';
import { WebFormContacts1763900000199 } from './migrations/1763900000199-web-form-contacts';
import { CustomerSuccessRequestersModule } from './customer-success-requesters/customer-success-requesters.module';
import { SignInThrottleExpiry1763900000200 } from './migrations/1763900000200-sign-in-throttle-expiry';
import { DuplicatePairs1763900000202 } from './migrations/1763900000202-duplicate-pairs';
import { ContactLastSignIn1763900000210 } from './migrations/1763900000210-contact-last-sign-in';
import { UnknownSenderMailCarriesTextOnce1763900000220 } from './migrations/1763900000220-unknown-sender-mail-carries-text-once';
import { DeliveryFailuresModule } from './delivery-failures/delivery-failures.module';
import { DuplicateCandidatesModule } from './duplicate-candidates/duplicate-candidates.module';
import { DomainConflictEntity } from './organizations/domain-conflict.entity';
import { OrganizationDomainEntity } from './organizations/organization-domain.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { OrganizationsModule } from './organizations/organizations.module';
import { PortalAccessMailModule } from './portal-access-mail/portal-access-mail.module';
import { SettingsModule } from './settings/settings.module';
import { UnknownSenderMailEntity } from './unknown-senders/unknown-sender-mail.entity';
import { UnknownSendersModule } from './unknown-senders/unknown-senders.module';

export const identitySchema = {
  entities: [
    OrganizationEntity,
    OrganizationDomainEntity,
    DomainConflictEntity,
    ContactEntity,
    ContactEmailEntity,
    ContactPhoneEntity,
    ContactMembershipEntity,
    ContactActivityEntity,
    UnknownSenderMailEntity,
    ContactImportEntity,
    ContactImportRowEntity,
    ChatTranscriptEntity,
  ],
  migrations: [
    CreateIdentitySchema1763900000100,
    UndeliverableAddresses1763900000110,
    OrganizationDomainRules1763900000120,
    ContactProfile1763900000130,
    IdentitySettings1763900000140,
    ContactMerge1763900000150,
    ContactActivity1763900000160,
    ContactAnonymization1763900000170,
    ContactImports1763900000180,
    DuplicateCandidates1763900000181,
    Access1763900000190,
    OrganizationSupportContracts1763900000192,
    ChatOnContactProfiles1763900000194,
    SessionsAndSignInThrottle1763900000196,
    ErasedAddresses1763900000198,
    WebFormContacts1763900000199,
    SignInThrottleExpiry1763900000200,
    DuplicatePairs1763900000202,
    ContactLastSignIn1763900000210,
    UnknownSenderMailCarriesTextOnce1763900000220,
  ],
};

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forService(config, identitySchema),
        DeadLettersModule.forService(config.service),
        OrganizationsModule.forRoot(config.organizations),
        SettingsModule.forRoot(config.settingDefaults),
        OneTimeLinksModule.forRoot(config.access),
        AgentsModule,
        AccessModule,
        PortalAccessMailModule,
        ContactsModule,
        InboundMailModule,
        UnknownSendersModule,
        DeliveryFailuresModule,
        TicketActivityModule,
        ContactImportsModule.forRoot(config.contactImports),
        DuplicateCandidatesModule,
        ChatRequestersModule,
        CustomerSuccessRequestersModule,
        ChatTranscriptsModule,
      ],
    };
  }
}
