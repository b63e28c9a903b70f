import { Module } from '@nestjs/common';
import { WelcomeMailsService } from './welcome-mails.service';

@Module({
  providers: [WelcomeMailsService],
  exports: [WelcomeMailsService],
})
export class WelcomeMailModule {}
