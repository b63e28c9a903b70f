import { Module } from '@nestjs/common';
import { SessionsPurger } from './sessions.purger';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Sessions and their refresh tokens; sign-in starts them, staff management and password changes end them, a month later they go. */
@Module({
  providers: [SessionsRepository, SessionsService, SessionsPurger],
  exports: [SessionsService],
})
export class SessionsModule {}
