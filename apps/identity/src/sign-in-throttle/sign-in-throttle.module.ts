import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { SignInThrottlePurger } from './sign-in-throttle.purger';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

/** Throttles guessing at passwords; sign-in asks it before checking one. Its expired records are purged in the background. */
@Module({
  imports: [OutboxModule],
  providers: [SignInThrottleRepository, SignInThrottleService, SignInThrottlePurger],
  exports: [SignInThrottleService],
})
export class SignInThrottleModule {}
