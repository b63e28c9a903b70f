/** identity's contact as the console shows it (apps/identity/src/contacts/contact.dto.ts). */
export interface Contact {
  id: string;
  name: string;
  email: string;
  emailAddresses: { email: string; isPrimary: boolean; verified: boolean }[];
  organization: { id: string; name: string };
  organizations: { id: string; name: string; isDefault: boolean; isPrimaryContact: boolean }[];
  language: string | null;
  timeZone: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
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
