import { IngestErrorCode, IngestException } from '../domain/ingest.exception';

/** Accepts only the configured support addresses, so the server can never be used as an open relay. */
export class RecipientPolicy {
  private readonly supportAddresses: ReadonlySet<string>;

  constructor(
    supportAddresses: readonly string[],
    private readonly maxRecipients: number,
  ) {
    this.supportAddresses = new Set(supportAddresses.map((address) => address.toLowerCase()));
  }

  /** Returns the normalized recipient, or throws the refusal to give the client. */
  accept(address: string, acceptedSoFar: number): string {
    if (acceptedSoFar >= this.maxRecipients) {
      throw new IngestException(IngestErrorCode.TooManyRecipients, `Too many recipients (at most ${this.maxRecipients})`);
    }
    const normalized = address.trim().toLowerCase();
    if (!this.supportAddresses.has(normalized)) {
      throw new IngestException(IngestErrorCode.UnknownRecipient, 'Recipient address rejected: not a support address here');
    }
    return normalized;
  }
}
