import { MigrationInterface, QueryRunner } from 'typeorm';
import { InboundMail, inboundMailV1FromV2, inboundMailV2FromV1, InboundMailV1 } from '@helpgate/contracts';
import { rewriteJsonColumn } from '@helpgate/database';

type StoredEvent = { mail: InboundMailV1 | InboundMail };

/**
 * Mail held in quarantine keeps the event a release publishes: from `email.inbound.received.v1`'s form (the reply text
 * beside the text) to v2's (the line where the quoted history begins), so a release publishes v2.
 */
export class HeldMailCarriesTextOnce1763900000720 implements MigrationInterface {
  name = 'HeldMailCarriesTextOnce1763900000720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteJsonColumn<StoredEvent>(queryRunner, 'quarantined_messages', 'inbound_message_id', 'event', (event) => ({
      ...event,
      mail: inboundMailV2FromV1(event.mail),
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteJsonColumn<StoredEvent>(queryRunner, 'quarantined_messages', 'inbound_message_id', 'event', (event) => ({
      ...event,
      mail: inboundMailV1FromV2(event.mail),
    }));
  }
}
