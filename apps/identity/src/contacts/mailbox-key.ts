interface MailboxRules {
  /** The domain the provider delivers the address's mail to under another name, if any. */
  sameMailboxAs?: string;
  /** Whether `j.ane` and `jane` reach one mailbox. */
  ignoresDots: boolean;
}

/**
 * Providers known to deliver differently spelled addresses to one mailbox. Every other domain is taken to ignore
 * plus-tags (`jane+news@` reaches `jane@`), as most providers do. Changing this list changes the keys stored with
 * every address (`contact_emails.mailbox_key`): a migration must recompute them.
 */
const providers: Readonly<Record<string, MailboxRules>> = {
  'gmail.com': { ignoresDots: true },
  'googlemail.com': { sameMailboxAs: 'gmail.com', ignoresDots: true },
};

/**
 * The mailbox a normalized address delivers to, as far as its provider's rules say: two addresses with one key
 * most likely belong to one person. `J.Ane+work@googlemail.com` and `jane@gmail.com` both give `jane@gmail.com`.
 */
export function mailboxKey(normalizedEmail: string): string {
  const at = normalizedEmail.lastIndexOf('@');
  const domain = normalizedEmail.slice(at + 1);
  const rules: MailboxRules = providers[domain] ?? { ignoresDots: false };
  const localPart = normalizedEmail.slice(0, at);
  const untagged = localPart.split('+')[0] || localPart;
  const mailbox = rules.ignoresDots ? untagged.replaceAll('.', '') || untagged : untagged;
  return `${mailbox}@${rules.sameMailboxAs ?? domain}`;
}
