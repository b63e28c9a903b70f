import { Module } from '@nestjs/common';
import { VisitorAuthentication } from './visitor-authentication';
import { VisitorsRepository } from './visitors.repository';

@Module({
  providers: [VisitorsRepository, VisitorAuthentication],
  exports: [VisitorsRepository, VisitorAuthentication],
})
export class VisitorsModule {}
