import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { RecipientPolicy } from './recipient-policy';

describe('RecipientPolicy', () => {
  const policy = new RecipientPolicy(['support@helpgate.test', 'Billing@Helpgate.test'], 2);

  it('accepts support addresses in any case', () => {
    expect(policy.accept('SUPPORT@helpgate.test', 0)).toBe('support@helpgate.test');
    expect(policy.accept('billing@helpgate.test', 1)).toBe('billing@helpgate.test');
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
