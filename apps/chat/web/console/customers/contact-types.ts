/** identity's contact as the console shows it (apps/identity/src/contacts/contact.dto.ts). */
export interface Contact {
  id: string;
  name: string;
  email: string;
  emailAddresses: { email: string; isPrimary: boolean; verified: boolean }[];
  undeliverable: { email: string; since: string; reason: string | null }[];
  phones: Phone[];
  organization: { id: string; name: string };
  organizations: { id: string; name: string; isDefault: boolean; isPrimaryContact: boolean }[];
  language: string | null;
  timeZone: string | null;
  details: string | null;
  notes: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** The last mail or chat from the contact. */
  lastSeenAt: string | null;
  lastSignedInAt: string | null;
}

export interface Phone {
  number: string;
  kind: 'direct' | 'shared';
}

export interface Organization {
  id: string;
  name: string;
  domains: string[];
  isDefault: boolean;
}

export interface ActivityEntry {
  id: string;
  kind: string;
  occurredAt: string;
  details: Record<string, unknown>;
}

/** identity's chat transcript of a conversation that reached a person (apps/identity/src/chat-transcripts/chat-transcript.dto.ts). */
export interface ChatTranscriptSummary {
  id: string;
  outcome: string;
  agents: { id: string; name: string }[];
  rating: { score: number; comment?: string } | null;
  language: string | null;
  messageCount: number;
  startedAt: string;
  endedAt: string;
}

export interface ChatTranscript extends ChatTranscriptSummary {
  entries: { sequence: number; author: string; authorName: string; text: string; sentAt: string }[];
}
