import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { baseAddressOf, SupportAddress } from '../support-addresses/support-address';
import { RecipientPolicy } from './recipient-policy';

const addresses = new Map<string, SupportAddress>([
  ['support@helpgate.test', { address: 'support@helpgate.test', defaultCategory: null }],
  ['billing@helpgate.test', { address: 'billing@helpgate.test', defaultCategory: 'Subscriptions' }],
]);

describe('RecipientPolicy', () => {
  const policy = new RecipientPolicy({ resolve: (recipient) => addresses.get(baseAddressOf(recipient)) ?? null }, 2);

  it('accepts support addresses in any case, and their plus-tagged reply forms', () => {
    expect(policy.accept('SUPPORT@helpgate.test', 0).address).toBe('support@helpgate.test');
    expect(policy.accept('billing+t12.ab@helpgate.test', 1)).toEqual({
      address: 'billing@helpgate.test',
      defaultCategory: 'Subscriptions',
    });
  });

  it('refuses any other recipient, so the server is no relay', () => {
    expect(() => policy.accept('someone@elsewhere.test', 0)).toThrow(
      expect.objectContaining({ code: IngestErrorCode.UnknownRecipient }) as IngestException,
    );
  });

  it('refuses recipients past the limit', () => {
    expect(() => policy.accept('support@helpgate.test', 2)).toThrow(
      expect.objectContaining({ code: IngestErrorCode.TooManyRecipients }) as IngestException,
    );
  });
});
