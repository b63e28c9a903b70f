import { Module } from '@nestjs/common';
import { QueueRepository } from './queue.repository';

/** The queue's storage alone, for the features that take conversations out of it (endings, escalations). */
@Module({ providers: [QueueRepository], exports: [QueueRepository] })
export class QueueDataModule {}
