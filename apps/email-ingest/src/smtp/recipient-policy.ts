import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import type { SupportAddress } from '../support-addresses/support-address';

export interface SupportAddressLookup {
  resolve(recipient: string): SupportAddress | null;
}

/** Accepts only the support addresses (and their plus-tagged reply forms), so the server is never an open relay. */
export class RecipientPolicy {
  constructor(
    private readonly supportAddresses: SupportAddressLookup,
    private readonly maxRecipients: number,
  ) {}

  /** Returns the support address the recipient reaches, or throws the refusal to give the client. */
  accept(recipient: string, acceptedSoFar: number): SupportAddress {
    if (acceptedSoFar >= this.maxRecipients) {
      throw new IngestException(IngestErrorCode.TooManyRecipients, `Too many recipients (at most ${this.maxRecipients})`);
    }
    const supportAddress = this.supportAddresses.resolve(recipient);
    if (!supportAddress) {
      throw new IngestException(IngestErrorCode.UnknownRecipient, 'Recipient address rejected: not a support address here');
    }
    return supportAddress;
  }
}
