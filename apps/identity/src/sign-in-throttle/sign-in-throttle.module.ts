import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

/** Throttles guessing at passwords; sign-in asks it before checking one. */
@Module({
  imports: [OutboxModule],
  providers: [SignInThrottleRepository, SignInThrottleService],
  exports: [SignInThrottleService],
})
export class SignInThrottleModule {}
