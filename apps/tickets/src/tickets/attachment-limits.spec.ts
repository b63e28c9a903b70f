import { requireWithinAttachmentLimits } from './attachment-limits';
import { TicketsErrorCode } from '../domain/tickets.exception';

const limits = { maxCount: 3, maxTotalBytes: 10 * 1024 * 1024 };

describe('requireWithinAttachmentLimits', () => {
  it('accepts none, and up to the count and total exactly', () => {
    expect(() => requireWithinAttachmentLimits([], limits)).not.toThrow();
    expect(() => requireWithinAttachmentLimits([4 * 1024 * 1024, 4 * 1024 * 1024, 2 * 1024 * 1024], limits)).not.toThrow();
  });

  it('refuses one file more than allowed, naming the limit', () => {
    expect(() => requireWithinAttachmentLimits([1, 1, 1, 1], limits)).toThrow(
      expect.objectContaining({ code: TicketsErrorCode.TooManyAttachments, message: 'At most 3 attachments per ticket; 4 were given' }),
    );
  });

  it('refuses one byte over the total, naming the limit and the total', () => {
    expect(() => requireWithinAttachmentLimits([10 * 1024 * 1024, 1], limits)).toThrow(
      expect.objectContaining({
        code: TicketsErrorCode.AttachmentsTooLarge,
        message: 'Attachments may total at most 10 MB; these total 10 MB (10485761 bytes)',
      }),
    );
  });
});
