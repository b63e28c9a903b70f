import { DynamicModule, Module } from '@nestjs/common';
import { DeadLettersModule, PlatformModule } from '@helpgate/platform';
import { AutomationRuleEntity } from './automation/automation-rule.entity';
import { AutomationModule } from './automation/automation.module';
import { TicketsConfig } from './config';
import { AgentEntity } from './agents/agent.entity';
import { AgentsModule } from './agents/agents.module';
import { CategoriesModule } from './categories/categories.module';
import { CategoryEntity } from './categories/category.entity';
import { ChatEscalationsModule } from './chat-escalations/chat-escalations.module';
import { ContactErasuresModule } from './contact-erasures/contact-erasures.module';
import { ContactMergesModule } from './contact-merges/contact-merges.module';
import { ContactAddressEntity } from './contacts/contact-address.entity';
import { ContactEntity } from './contacts/contact.entity';
import { ContactsModule } from './contacts/contacts.module';
import { DeliveryOutcomesModule } from './delivery-outcomes/delivery-outcomes.module';
import { InboundMailModule } from './inbound-mail/inbound-mail.module';
import { CreateTicketsSchema1763900000200 } from './migrations/1763900000200-create-tickets-schema';
import { MailThreading1763900000210 } from './migrations/1763900000210-mail-threading';
import { TicketCategories1763900000220 } from './migrations/1763900000220-ticket-categories';
import { TicketWorkFields1763900000225 } from './migrations/1763900000225-ticket-work-fields';
import { TicketSearch1763900000230 } from './migrations/1763900000230-ticket-search';
import { TicketAudit1763900000232 } from './migrations/1763900000232-ticket-audit';
import { UploadedAttachments1763900000234 } from './migrations/1763900000234-uploaded-attachments';
import { ContactDirectory1763900000236 } from './migrations/1763900000236-contact-directory';
import { AgentDirectory1763900000250 } from './migrations/1763900000250-agent-directory';
import { ErasableRequester1763900000252 } from './migrations/1763900000252-erasable-requester';
import { PortalLookups1763900000254 } from './migrations/1763900000254-portal-lookups';
import { ChatEscalations1763900000256 } from './migrations/1763900000256-chat-escalations';
import { ErasedContacts1763900000260 } from './migrations/1763900000260-erased-contacts';
import { PhoneCallbacks1763900000270 } from './migrations/1763900000270-phone-callbacks';
import { CustomerSuccess1763900000272 } from './migrations/1763900000272-customer-success';
import { CompressMessageTextsWithLz41763900000280 } from './migrations/1763900000280-compress-message-texts-with-lz4';
import { CustomerSuccessModule } from './customer-success/customer-success.module';
import { TicketCallbackRequestEntity } from './phone-callbacks/ticket-callback-request.entity';
import { TicketsSettingsModule } from './settings/settings.module';
import { PortalModule } from './portal/portal.module';
import { ReplyTemplates1763900000240 } from './migrations/1763900000240-reply-templates';
import { AutomationRules1763900000242 } from './migrations/1763900000242-automation-rules';
import { RuleHistory1763900000244 } from './migrations/1763900000244-rule-history';
import { ReplyTemplateEntity } from './reply-templates/reply-template.entity';
import { ReplyTemplatesModule } from './reply-templates/reply-templates.module';
import { TicketsConfigModule } from './tickets-config.module';
import { TicketAuditEntity } from './tickets/ticket-audit.entity';
import { TicketCcEntity } from './tickets/ticket-cc.entity';
import { TicketMessageEntity } from './tickets/ticket-message.entity';
import { TicketEntity } from './tickets/ticket.entity';
import { TicketsModule } from './tickets/tickets.module';
import { UploadedAttachmentEntity } from './tickets/uploaded-attachment.entity';

export const ticketsSchema = {
  entities: [
    TicketEntity,
    TicketMessageEntity,
    TicketCcEntity,
    TicketAuditEntity,
    UploadedAttachmentEntity,
    CategoryEntity,
    ContactEntity,
    ContactAddressEntity,
    AgentEntity,
    ReplyTemplateEntity,
    AutomationRuleEntity,
    TicketCallbackRequestEntity,
  ],
  migrations: [
    CreateTicketsSchema1763900000200,
    MailThreading1763900000210,
    TicketCategories1763900000220,
    TicketWorkFields1763900000225,
    TicketSearch1763900000230,
    TicketAudit1763900000232,
    UploadedAttachments1763900000234,
    ContactDirectory1763900000236,
    AgentDirectory1763900000250,
    ErasableRequester1763900000252,
    PortalLookups1763900000254,
    ChatEscalations1763900000256,
    ErasedContacts1763900000260,
    ReplyTemplates1763900000240,
    AutomationRules1763900000242,
    RuleHistory1763900000244,
    PhoneCallbacks1763900000270,
    CustomerSuccess1763900000272,
    CompressMessageTextsWithLz41763900000280,
  ],
};

@Module({})
export class TicketsAppModule {
  static forRoot(config: TicketsConfig): DynamicModule {
    return {
      module: TicketsAppModule,
      imports: [
        PlatformModule.forService(config, ticketsSchema),
        DeadLettersModule.forService(config.service),
        TicketsConfigModule.forRoot(config),
        TicketsModule,
        CategoriesModule,
        ContactsModule,
        InboundMailModule,
        DeliveryOutcomesModule,
        ContactMergesModule,
        ContactErasuresModule,
        AgentsModule,
        PortalModule,
        TicketsSettingsModule,
        CustomerSuccessModule.forRoot(config.customerSuccessLimits),
        ReplyTemplatesModule,
        AutomationModule,
        ChatEscalationsModule.forRoot(config.chat),
      ],
    };
  }
}
