import { inLockOrder } from './contacts.repository';

describe('inLockOrder', () => {
  it('takes every address once, in one order whatever order the mails came in', () => {
    const mails = ['zoe@acme.test', 'amy@acme.test', 'zoe@acme.test', 'bob@beta.test', 'amy@acme.test'];
    expect(inLockOrder(mails)).toEqual(['amy@acme.test', 'bob@beta.test', 'zoe@acme.test']);
    expect(inLockOrder([...mails].reverse())).toEqual(inLockOrder(mails));
  });
});
