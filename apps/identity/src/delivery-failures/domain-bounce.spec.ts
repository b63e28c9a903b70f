import { meansAddressIsBad } from './domain-bounce';

describe('meansAddressIsBad', () => {
  it('is true for a permanent 5.1.x failure', () => {
    expect(meansAddressIsBad({ permanent: true, status: '5.1.1' })).toBe(true);
    expect(meansAddressIsBad({ permanent: true, status: '5.1.10' })).toBe(true);
  });

  it('is false for full mailboxes, policy refusals, temporary failures and unknown status', () => {
    expect(meansAddressIsBad({ permanent: true, status: '5.2.2' })).toBe(false);
    expect(meansAddressIsBad({ permanent: true, status: '5.7.1' })).toBe(false);
    expect(meansAddressIsBad({ permanent: false, status: '4.1.1' })).toBe(false);
    expect(meansAddressIsBad({ permanent: true })).toBe(false);
  });
});
