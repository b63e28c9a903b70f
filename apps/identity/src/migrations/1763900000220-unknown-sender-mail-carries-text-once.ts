import { MigrationInterface, QueryRunner } from 'typeorm';
import { InboundMail, inboundMailV1FromV2, inboundMailV2FromV1, InboundMailV1 } from '@helpgate/contracts';
import { rewriteJsonColumn } from '@helpgate/database';

type StoredEvent = { mail: InboundMailV1 | InboundMail };

/**
 * Mail of unknown senders is kept as its `email.inbound.received` event, resolved again once the contact exists: from
 * v1's form (the reply text beside the text) to v2's (the line where the quoted history begins).
 */
export class UnknownSenderMailCarriesTextOnce1763900000220 implements MigrationInterface {
  name = 'UnknownSenderMailCarriesTextOnce1763900000220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteJsonColumn<StoredEvent>(queryRunner, 'unknown_sender_mail', 'inbound_message_id', 'event', (event) => ({
      ...event,
      mail: inboundMailV2FromV1(event.mail),
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteJsonColumn<StoredEvent>(queryRunner, 'unknown_sender_mail', 'inbound_message_id', 'event', (event) => ({
      ...event,
      mail: inboundMailV1FromV2(event.mail),
    }));
  }
}
