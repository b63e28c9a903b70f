import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { acceptedBeforeErasure, erasedAddressKey, normalizedAddress } from './erased-address';
import { ErasuresRepository } from './erasures.repository';

/** A mail being read: its receipt, the addresses it came from (From and envelope sender) and when it was accepted. */
export interface MailBeingRead {
  inboundMessageId: string;
  addresses: readonly (string | null)[];
  receivedAt: Date;
}

export interface ErasedMail {
  messages: number;
  raws: number;
  attachments: number;
  deliveries: number;
}

/**
 * Erases what email-ingest holds of a person known by addresses: the mail they sent (receipts, raw messages, their
 * attachments unless another mail carries the same file), held mail naming them and deliveries to them; and remembers
 * the addresses (as digests) so mail of theirs accepted before the erasure but read after it is erased when read.
 */
@Injectable()
export class SenderErasureService {
  constructor(private readonly erasures: ErasuresRepository) {}

  async eraseAddresses(addresses: readonly string[], erasedAt: Date, manager: EntityManager): Promise<ErasedMail> {
    const erased = [...new Set(addresses.map(normalizedAddress))];
    const keys = erased.map(erasedAddressKey);
    await this.erasures.lockAddresses(keys, manager);
    await this.erasures.rememberErased(keys, erasedAt, manager);
    const messages = await this.erasures.messagesNaming(erased, manager);
    const deleted = await this.erasures.deleteMessages(messages, manager);
    const deliveries = await this.erasures.deleteDeliveriesNaming(erased, manager);
    return { messages: messages.length, ...deleted, deliveries };
  }

  /** Erases the mails among these that an erased person sent before their erasure; returns their receipt ids. */
  async eraseMailOfErasedSenders(mails: readonly MailBeingRead[], manager: EntityManager): Promise<Set<string>> {
    const late = await this.fromBeforeErasure(
      mails.map(({ inboundMessageId, addresses, receivedAt }) => ({ id: inboundMessageId, addresses, at: receivedAt })),
      manager,
    );
    await this.erasures.deleteMessages([...late], manager);
    return late;
  }

  /**
   * The ids of the items naming an address erased at or after the item's time: what the erased person sent, or was
   * sent, before the erasure but reaches email-ingest after it. Waits for an erasure of those addresses in progress.
   */
  async fromBeforeErasure(
    items: readonly { id: string; addresses: readonly (string | null)[]; at: Date }[],
    manager: EntityManager,
  ): Promise<Set<string>> {
    const keysOf = new Map(
      items.map((item) => [item.id, item.addresses.flatMap((address) => (address ? [erasedAddressKey(address)] : []))]),
    );
    const allKeys = [...keysOf.values()].flat();
    if (allKeys.length === 0) return new Set();
    await this.erasures.lockAddresses(allKeys, manager);
    const erasures = await this.erasures.erasuresOf(allKeys, manager);
    if (erasures.size === 0) return new Set();
    return new Set(
      items
        .filter((item) => keysOf.get(item.id)!.some((key) => erasures.has(key) && acceptedBeforeErasure(item.at, erasures.get(key)!)))
        .map((item) => item.id),
    );
  }
}
