import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DuplicateCandidatesController } from './duplicate-candidates.controller';
import { DuplicateCandidatesRepository } from './duplicate-candidates.repository';
import { DuplicateCandidatesService } from './duplicate-candidates.service';

@Module({
  imports: [ContactsModule],
  controllers: [DuplicateCandidatesController],
  providers: [DuplicateCandidatesRepository, DuplicateCandidatesService],
})
export class DuplicateCandidatesModule {}
