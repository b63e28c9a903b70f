import { hasBareLineBreakInHeader } from './header-line-breaks';

const check = (message: string) => hasBareLineBreakInHeader(Buffer.from(message, 'latin1'));

describe('hasBareLineBreakInHeader', () => {
  it('accepts a header section of CRLF-terminated lines, folded lines included', () => {
    expect(check('From: jane@acme.test\r\nSubject: a long\r\n subject\r\n\r\nBody\r\n')).toBe(false);
  });

  it('finds a bare LF that would start a header mailparser sees and a strict filter does not', () => {
    expect(check('Subject: hi\nBcc: victim@acme.test\r\nFrom: jane@acme.test\r\n\r\nBody\r\n')).toBe(true);
  });

  it('finds a bare CR', () => {
    expect(check('Subject: hi\rX-Injected: yes\r\n\r\nBody\r\n')).toBe(true);
  });

  it('finds an early end of the header section that only a lenient parser sees (CRLF LF, LF LF, LF CRLF)', () => {
    expect(check('Subject: hi\r\n\nX-Hidden: yes\r\n\r\nBody\r\n')).toBe(true);
    expect(check('Subject: hi\n\nX-Hidden: yes\r\n\r\nBody\r\n')).toBe(true);
    expect(check('Subject: hi\n\r\nBody\r\n')).toBe(true);
  });

  it('finds a bare line break at the very start or end of the header section', () => {
    expect(check('\nSubject: hi\r\n\r\nBody')).toBe(true);
    expect(check('Subject: hi\r')).toBe(true);
  });

  it('leaves the body alone: bare CR and LF after the header section are not its concern', () => {
    expect(check('Subject: hi\r\n\r\nline one\nline two\r.\r\n.\n')).toBe(false);
  });

  it('reads a message without an empty line as all header, and one starting with the empty line as all body', () => {
    expect(check('Subject: hi\r\nX-Other: yes\n')).toBe(true);
    expect(check('\r\nbody only\nwith a bare LF')).toBe(false);
  });
});
