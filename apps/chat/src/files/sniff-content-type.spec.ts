import { sniffContentType } from './sniff-content-type';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('sniffContentType', () => {
  it('recognises screenshots, photos and PDFs by their first bytes', () => {
    expect(sniffContentType(png)).toBe('image/png');
    expect(sniffContentType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffContentType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('serves plain UTF-8 text as text, in any script', () => {
    expect(sniffContentType(Buffer.from('error: disk full\r\n\tat line 3\n'))).toBe('text/plain; charset=utf-8');
    expect(sniffContentType(Buffer.from('\uFEFFjournal: ошибка 42'))).toBe('text/plain; charset=utf-8');
  });

  it('never serves markup, binary data or a lying signature as anything a browser renders', () => {
    expect(sniffContentType(Buffer.from('  <!doctype html><script>alert(1)</script>'))).toBe('application/octet-stream');
    expect(sniffContentType(Buffer.from('\uFEFF<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe(
      'application/octet-stream',
    );
    expect(sniffContentType(Buffer.from('<?xml version="1.0"?><x/>'))).toBe('application/octet-stream');
    expect(sniffContentType(Buffer.from([0x00, 0x01, 0x02, 0xfe]))).toBe('application/octet-stream');
    expect(sniffContentType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBe('application/octet-stream');
    expect(sniffContentType(png.subarray(0, 4))).toBe('application/octet-stream');
    expect(sniffContentType(Buffer.alloc(0))).toBe('application/octet-stream');
  });
});
