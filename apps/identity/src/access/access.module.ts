import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { AgentsModule } from '../agents/agents.module';
import { ContactsModule } from '../contacts/contacts.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SignInThrottleModule } from '../sign-in-throttle/sign-in-throttle.module';
import { AccessService } from './access.service';
import { AccessTokensService } from './access-tokens.service';
import { AuthController } from './auth.controller';
import { ContactAccessController } from './contact-access.controller';

/** Sign-in, sessions and the one-time links' endpoints (the links themselves come from the global `OneTimeLinksModule`). */
@Module({
  imports: [OutboxModule, ContactsModule, AgentsModule, SessionsModule, SignInThrottleModule],
  controllers: [AuthController, ContactAccessController],
  providers: [AccessService, AccessTokensService],
})
export class AccessModule {}
