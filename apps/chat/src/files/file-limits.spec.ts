import { ChatErrorCode } from '../domain/chat.exception';
import { requireWithinFileLimits } from './file-limits';

const limits = { maxFilesPerMessage: 3, maxFileBytes: 4 * 1024 * 1024, maxFilesTotalBytes: 10 * 1024 * 1024 };
const megabytes = (count: number) => count * 1024 * 1024;

function refusal(sizes: number[]): { code: string; message: string } | null {
  try {
    requireWithinFileLimits(sizes, limits);
    return null;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
}

describe('requireWithinFileLimits', () => {
  it('takes up to the limits exactly', () => {
    expect(refusal([])).toBeNull();
    expect(refusal([megabytes(4), megabytes(4), megabytes(2)])).toBeNull();
  });

  it('names the limit a message goes past', () => {
    expect(refusal([1, 1, 1, 1])).toEqual({ code: ChatErrorCode.TooManyFiles, message: 'A message carries at most 3 files; 4 were given' });
    expect(refusal([megabytes(4) + 1])).toEqual({
      code: ChatErrorCode.FileTooLarge,
      message: `A file holds at most 4 MB; one holds 4 MB (${megabytes(4) + 1} bytes)`,
    });
    expect(refusal([megabytes(4), megabytes(4), megabytes(2) + 1])).toMatchObject({
      code: ChatErrorCode.FilesTooLarge,
      message: expect.stringContaining('may total at most 10 MB'),
    });
  });
});
