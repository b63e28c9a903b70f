import { accessMailFailureText } from './access-mail-failure';

describe('access mail failure text', () => {
  it('tells agents why identity sent nothing, for each reason', () => {
    expect(accessMailFailureText('contact_erased')).toBe("not sent by identity: the requester's personal data was erased");
    expect(accessMailFailureText('contact_unknown')).toBe('not sent by identity: the requester is no longer a contact');
    expect(accessMailFailureText('contact_inactive')).toBe('not sent by identity: the requester is deactivated');
  });
});
