import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { AccessService } from './access.service';
import { AccessTokens } from './access-tokens';
import { AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';
import { AuthController } from './auth.controller';
import { ContactAccessController } from './contact-access.controller';

/** Staff, sign-in and one-time links (the links themselves come from the global `OneTimeLinksModule`). */
@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [AuthController, AgentsController, ContactAccessController],
  providers: [AccessService, AccessTokens, AgentsService],
})
export class AccessModule {}
