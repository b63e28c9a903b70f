import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { AccessMailConsumer } from '../portal-access-mail/access-mail.consumer';
import { AccessService } from './access.service';
import { AccessTokens } from './access-tokens';
import { AgentsController } from '../agents/agents.controller';
import { AgentsService } from '../agents/agents.service';
import { AuthController } from './auth.controller';
import { ContactAccessController } from './contact-access.controller';
import { SendAccessMailUseCase } from '../portal-access-mail/send-access-mail.use-case';

/** Staff, sign-in and one-time links (the links themselves come from the global `OneTimeLinksModule`). */
@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [AuthController, AgentsController, ContactAccessController, AccessMailConsumer],
  providers: [AccessService, AccessTokens, AgentsService, SendAccessMailUseCase],
})
export class AccessModule {}
