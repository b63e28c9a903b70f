import { Module } from '@nestjs/common';
import { WelcomeMails } from './welcome-mails.service';

@Module({
  providers: [WelcomeMails],
  exports: [WelcomeMails],
})
export class WelcomeMailModule {}
