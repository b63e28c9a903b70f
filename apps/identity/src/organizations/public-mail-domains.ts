import { domainAndParents } from '../domain/email-address';

/**
 * Mail domains shared by the public: an address there says nothing about its owner's employer, so such a
 * domain is never an organization's. Subdomains count too (`eu.mailinator.com` is as disposable).
 */
export const defaultFreeMailDomains: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.de',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.de',
  'hotmail.fr',
  'live.com',
  'live.de',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.de',
  'yahoo.fr',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'gmx.com',
  'web.de',
  't-online.de',
  'freenet.de',
  'posteo.de',
  'mailbox.org',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'mail.com',
  'mail.ru',
  'inbox.ru',
  'bk.ru',
  'list.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'naver.com',
  'zoho.com',
  'zohomail.com',
];

export const disposableMailDomains: readonly string[] = [
  'mailinator.com',
  'guerrillamail.com',
  'guerrillamail.net',
  'guerrillamail.org',
  'guerrillamailblock.com',
  'grr.la',
  'sharklasers.com',
  'pokemail.net',
  'spam4.me',
  '10minutemail.com',
  '10minutemail.net',
  'temp-mail.org',
  'tempmail.com',
  'tempmail.net',
  'tempmailo.com',
  'temp-mail.io',
  'throwawaymail.com',
  'yopmail.com',
  'yopmail.net',
  'yopmail.fr',
  'trashmail.com',
  'trashmail.de',
  'trashmail.net',
  'getnada.com',
  'nada.email',
  'dispostable.com',
  'maildrop.cc',
  'mailnesia.com',
  'mintemail.com',
  'mohmal.com',
  'fakeinbox.com',
  'emailondeck.com',
  'mailcatch.com',
  'spamgourmet.com',
  'mytemp.email',
  'burnermail.io',
  'discard.email',
  'inboxkitten.com',
];

export type PublicMailKind = 'free-mail' | 'disposable';

/** Answers whether a mail domain is a public one, and which kind; built once from the defaults and the settings. */
export class PublicMailDomains {
  private readonly kinds = new Map<string, PublicMailKind>();

  constructor(freeMail: Iterable<string>, disposable: Iterable<string>) {
    for (const domain of freeMail) this.kinds.set(domain, 'free-mail');
    for (const domain of disposable) this.kinds.set(domain, 'disposable');
  }

  /** The kind of a normalized domain, looking at the domain itself and then at each parent; null when private. */
  kindOf(domain: string): PublicMailKind | null {
    for (const candidate of domainAndParents(domain)) {
      const kind = this.kinds.get(candidate);
      if (kind) return kind;
    }
    return null;
  }
}
