import { attachmentError, normalizePhone, TicketFormInput, ticketFormErrors } from './ticket-form';
import { formatBytes } from './wait-time';

const limits = { maxCount: 3, maxTotalBytes: 10 * 1024 * 1024 };
const MB = 1024 * 1024;
const size = (bytes: number) => formatBytes(bytes, 'en');

function form(overrides: Partial<TicketFormInput> = {}): TicketFormInput {
  return {
    categoryId: 'c0a80101-0000-4000-8000-000000000001',
    subject: 'Cannot upload a SCORM package',
    description: 'The upload stops at 99%.',
    files: [],
    callback: { requested: false, phone: '', consent: false },
    ...overrides,
  };
}

describe('the ticket form’s checks', () => {
  it('accepts a complete form', () => {
    expect(ticketFormErrors(form(), limits, size)).toEqual([]);
  });

  it('names each missing field, in the order of the form', () => {
    const errors = ticketFormErrors(form({ categoryId: '', subject: '  ', description: '' }), limits, size);
    expect(errors.map((error) => error.field)).toEqual(['categoryId', 'subject', 'description']);
  });

  it('refuses a fourth file and more than 10 MB in total before anything is uploaded', () => {
    const file = (size: number, name = 'shot.png') => ({ name, size });
    expect(attachmentError([file(MB), file(MB), file(MB)], limits, size)).toBeNull();
    expect(attachmentError([file(1), file(1), file(1), file(1)], limits, size)).toMatchObject({
      key: 'error.tooManyFiles',
      values: { count: 3 },
    });
    expect(attachmentError([file(6 * MB), file(4 * MB + 1)], limits, size)).toMatchObject({
      key: 'error.filesTooLarge',
      values: { size: '10 MB', limit: '10 MB' },
    });
    expect(attachmentError([file(6 * MB), file(4 * MB)], limits, size)).toBeNull();
  });

  it('asks a phone number and the consent to recording only for a callback', () => {
    expect(
      ticketFormErrors(form({ callback: { requested: true, phone: '12', consent: false } }), limits, size).map((e) => e.field),
    ).toEqual(['phone', 'consent']);
    expect(ticketFormErrors(form({ callback: { requested: true, phone: '+39 02 1234 5678', consent: true } }), limits, size)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('normalizes the usual ways of writing an international number', () => {
    expect(normalizePhone('+33 (0)1 23-45-67-89')).toBe('+33123456789');
    expect(normalizePhone('0039 02.1234.5678')).toBe('+390212345678');
  });

  it('refuses numbers without a country code or with letters', () => {
    expect(normalizePhone('01 23 45 67 89')).toBeNull();
    expect(normalizePhone('+33 CALL ME')).toBeNull();
    expect(normalizePhone('+0 123 4567')).toBeNull();
  });
});
