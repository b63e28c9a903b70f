import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { DuplicateCandidatesController } from './duplicate-candidates.controller';
import { DuplicateCandidatesService } from './duplicate-candidates.service';
import { DuplicatePairsModule } from './duplicate-pairs.module';

@Module({
  imports: [ContactsModule, DuplicatePairsModule],
  controllers: [DuplicateCandidatesController],
  providers: [DuplicateCandidatesService],
})
export class DuplicateCandidatesModule {}
