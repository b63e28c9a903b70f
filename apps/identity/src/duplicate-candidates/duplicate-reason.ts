/** Why two contacts are likely one person. */
export type DuplicateReason =
  /** A number that is direct (one person's) on at least one of them. */
  | { kind: 'same_phone'; number: string }
  /** The same name, in any case, within an organization other than "Unassigned". */
  | { kind: 'same_name_in_organization'; organizationId: string; organizationName: string }
  /** Addresses that reach one mailbox (`mailboxKey`): differing by a plus-tag, or by dots at Gmail. */
  | { kind: 'similar_address'; addresses: [string, string] };
