import { helpgateMessageIdPrefix, OutboundMail } from '@helpgate/contracts';
import type { ContactEntity, ContactSource } from '../contacts/contact.entity';
import { domainOf } from '../domain/email-address';
import type { IdentitySettings } from '../settings/identity-settings';
import { renderTemplate } from '../settings/template';

/** Imported contacts are not greeted: a bulk import would otherwise mail every customer at once. */
const welcomedSources: readonly ContactSource[] = ['email', 'chat', 'agent'];

export function shouldReceiveWelcomeMail(
  settings: Pick<IdentitySettings, 'sendWelcomeMail'>,
  contact: Pick<ContactEntity, 'source' | 'welcomeMailSentAt'>,
): boolean {
  return settings.sendWelcomeMail && welcomedSources.includes(contact.source) && contact.welcomeMailSentAt === null;
}

export interface WelcomeMailInput {
  requestId: string;
  /** Unique per mail; becomes part of the Message-ID. */
  token: string;
  contactId: string;
  contactName: string;
  email: string;
  organizationName: string;
  /** A one-time link to choose a portal password, when the template names one. */
  setPasswordLink: string | null;
  settings: Pick<IdentitySettings, 'welcomeTemplate' | 'portalUrl' | 'welcomeFromAddress'>;
}

export function welcomeMail(input: WelcomeMailInput): OutboundMail {
  const { settings } = input;
  const values = {
    'contact.name': input.contactName,
    'contact.email': input.email,
    'organization.name': input.organizationName,
    'portal.url': settings.portalUrl,
    // A contact signs in to the portal with its primary address.
    'portal.username': input.email,
    'portal.setPasswordLink': input.setPasswordLink ?? settings.portalUrl,
  };
  return {
    requestId: input.requestId,
    kind: 'welcome',
    from: { address: settings.welcomeFromAddress },
    to: [{ address: input.email, name: input.contactName }],
    cc: [],
    subject: renderTemplate(settings.welcomeTemplate.subject, values),
    text: renderTemplate(settings.welcomeTemplate.body, values),
    messageId: `${helpgateMessageIdPrefix}welcome.${input.token}@${domainOf(settings.welcomeFromAddress)}>`,
    references: [],
    autoSubmitted: 'auto-generated',
    attachmentIds: [],
    contactId: input.contactId,
  };
}
