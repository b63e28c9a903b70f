export interface UnknownSenderMailResponseDto {
  inboundMessageId: string;
  sender: string;
  subject: string;
  receivedAt: string;
}

export interface AcceptedUnknownSenderResponseDto {
  inboundMessageId: string;
  /** The contact the mail is now from; its ticket opens from the `identity.requester.resolved.v1` event. */
  contactId: string;
}
