import { Module } from '@nestjs/common';
import { DuplicatePairsRepository } from './duplicate-pairs.repository';

/** The stored likely-duplicate pairs, for the features that change contacts to keep up to date and for agents to read. */
@Module({
  providers: [DuplicatePairsRepository],
  exports: [DuplicatePairsRepository],
})
export class DuplicatePairsModule {}
