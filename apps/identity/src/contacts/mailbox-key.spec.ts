import { mailboxKey } from './mailbox-key';

describe('mailboxKey', () => {
  it('drops plus-tags at any provider', () => {
    expect(mailboxKey('jane+news@acme.test')).toBe('jane@acme.test');
    expect(mailboxKey('jane+a+b@outlook.com')).toBe('jane@outlook.com');
  });

  it('keeps dots where the provider does not ignore them', () => {
    expect(mailboxKey('j.ane@acme.test')).toBe('j.ane@acme.test');
    expect(mailboxKey('j.ane@outlook.com')).toBe('j.ane@outlook.com');
  });

  it('drops dots and plus-tags at Gmail, and takes googlemail.com for gmail.com', () => {
    expect(mailboxKey('j.a.ne+work@gmail.com')).toBe('jane@gmail.com');
    expect(mailboxKey('jane@googlemail.com')).toBe('jane@gmail.com');
  });

  it('leaves an address alone that would have no mailbox name left', () => {
    expect(mailboxKey('+tag@acme.test')).toBe('+tag@acme.test');
    expect(mailboxKey('...@gmail.com')).toBe('...@gmail.com');
  });

  it('keeps an address without tags or ignored dots as it is', () => {
    expect(mailboxKey('info@xn--bcher-kva.test')).toBe('info@xn--bcher-kva.test');
  });
});
