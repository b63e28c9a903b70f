import { replyTextOf } from '@helpgate/contracts';
import { quotedHistoryLineOf } from './reply-text';

/** The reply text a consumer reads from the text and the line email-ingest found. */
function replyOf(text: string): string {
  return replyTextOf({ text, quotedHistoryLine: quotedHistoryLineOf(text) });
}

function lines(...text: string[]): string {
  return text.join('\n');
}

describe('quotedHistoryLineOf', () => {
  it('counts the lines above the quoted history, whatever ends them', () => {
    expect(quotedHistoryLineOf('Thanks.\r\n\rOn Mon, 1 Jan 2024 at 10:00, Support wrote:\n> Hi')).toBe(2);
    expect(replyOf('Thanks.\r\n\rOn Mon, 1 Jan 2024 at 10:00, Support wrote:\n> Hi')).toBe('Thanks.');
  });

  it('finds none in a mail without quoted history, or with only blank lines above it', () => {
    expect(quotedHistoryLineOf('Hello,\n\nthe export fails.')).toBeUndefined();
    expect(quotedHistoryLineOf('\n\n> quoted\n> only')).toBeUndefined();
  });
});

describe('the reply text read back from quotedHistoryLineOf', () => {
  it('keeps a mail without quoted history whole', () => {
    expect(replyOf('Hello,\n\nthe export fails.\n\nJane')).toBe('Hello,\n\nthe export fails.\n\nJane');
  });

  it.each([
    ['Gmail', 'On Mon, Jan 1, 2024 at 10:00 AM Helpgate Support <support@helpgate.test> wrote:'],
    ['Apple Mail', 'On 1 Jan 2024, at 10:00, Helpgate Support <support@helpgate.test> wrote:'],
    ['Thunderbird', 'On 01.01.24 10:00, Helpgate Support wrote:'],
    ['German Gmail', 'Am Mo., 1. Jan. 2024 um 10:00 Uhr schrieb Helpgate Support <support@helpgate.test>:'],
    ['German Apple Mail', 'Am 01.01.2024 um 10:00 schrieb Helpgate Support <support@helpgate.test>:'],
    ['French Gmail', 'Le lun. 1 janv. 2024 à 10:00, Helpgate Support <support@helpgate.test> a écrit :'],
    ['Italian Gmail', 'Il giorno lun 1 gen 2024 alle ore 10:00 Helpgate Support <support@helpgate.test> ha scritto:'],
    ['Spanish Gmail', 'El lun, 1 ene 2024 a las 10:00, Helpgate Support (<support@helpgate.test>) escribió:'],
    ['Dutch Gmail', 'Op ma 1 jan. 2024 om 10:00 schreef Helpgate Support <support@helpgate.test>:'],
    ['Portuguese Gmail', 'Em seg., 1 de jan. de 2024 às 10:00, Helpgate Support <support@helpgate.test> escreveu:'],
  ])('cuts at the %s quote header', (_client, header) => {
    expect(replyOf(lines('Thanks, that worked.', '', header, '> Please try again.', '>', '> Helpgate'))).toBe('Thanks, that worked.');
  });

  it('cuts at a quote header Gmail wrapped over two lines', () => {
    const text = lines(
      'Thanks, that worked.',
      '',
      'On Mon, Jan 1, 2024 at 10:00 AM Helpgate Support Team <support-team@helpgate.test>',
      'wrote:',
      '> Please try again.',
    );
    expect(replyOf(text)).toBe('Thanks, that worked.');
  });

  it('cuts at a quote header wrapped over three lines', () => {
    const text = lines(
      'Done.',
      '',
      'Am Mo., 1. Jan. 2024 um 10:00 Uhr schrieb',
      'Helpgate Support Team',
      '<support-team@helpgate.test>:',
      '> Bitte',
      '> erneut versuchen.',
    );
    expect(replyOf(text)).toBe('Done.');
  });

  it('keeps the line above a quote header that is not part of it', () => {
    const text = lines('On Monday I will call you.', 'On Mon, Jan 1, 2024 at 10:00 AM Support <support@helpgate.test> wrote:', '> Hello');
    expect(replyOf(text)).toBe('On Monday I will call you.');
  });

  it('keeps a sentence that merely starts with "On" and ends with "wrote:"', () => {
    const text = lines('On the form, my colleague wrote:', 'the total is wrong.', '', 'Jane');
    expect(replyOf(text)).toBe(text);
  });

  it.each([
    '-----Original Message-----',
    '----- Original Message -----',
    '-------- Original message --------',
    '-----Ursprüngliche Nachricht-----',
    "-----Message d'origine-----",
    '-----Messaggio originale-----',
    '-----Mensaje original-----',
    '-----Oorspronkelijk bericht-----',
    '-----Mensagem original-----',
    '----- Mail original -----',
  ])('cuts at the separator %s', (separator) => {
    expect(replyOf(lines('See attached.', '', separator, 'From: Support', 'Sent: Monday', 'Earlier text'))).toBe('See attached.');
  });

  it('cuts at the Outlook underscore line above quoted headers', () => {
    const text = lines(
      'It works now.',
      '',
      '________________________________',
      'From: Helpgate Support <support@helpgate.test>',
      'Sent: Monday, January 1, 2024 10:00 AM',
      'To: Jane Doe <jane@acme.test>',
      'Subject: [#12] Cannot sign in',
      '',
      'Please try again.',
    );
    expect(replyOf(text)).toBe('It works now.');
  });

  it.each([
    ['English', ['From: Helpgate Support <support@helpgate.test>', 'Sent: Monday, January 1, 2024 10:00 AM', 'To: Jane', 'Subject: Hi']],
    ['bold English', ['*From:* Helpgate Support <support@helpgate.test>', '*Sent:* Monday, January 1, 2024 10:00 AM', '*To:* Jane']],
    ['German', ['Von: Helpgate Support <support@helpgate.test>', 'Gesendet: Montag, 1. Januar 2024 10:00', 'An: Jane', 'Betreff: Hallo']],
    ['French', ['De : Helpgate Support <support@helpgate.test>', 'Envoyé : lundi 1 janvier 2024 10:00', 'À : Jane', 'Objet : Salut']],
    ['Italian', ['Da: Helpgate Support <support@helpgate.test>', 'Inviato: lunedì 1 gennaio 2024 10:00', 'A: Jane', 'Oggetto: Ciao']],
    [
      'Spanish',
      ['De: Helpgate Support <support@helpgate.test>', 'Enviado el: lunes, 1 de enero de 2024 10:00', 'Para: Jane', 'Asunto: Hola'],
    ],
    ['Dutch', ['Van: Helpgate Support <support@helpgate.test>', 'Verzonden: maandag 1 januari 2024 10:00', 'Aan: Jane', 'Onderwerp: Hoi']],
    [
      'Portuguese',
      [
        'De: Helpgate Support <support@helpgate.test>',
        'Enviada em: segunda-feira, 1 de janeiro de 2024 10:00',
        'Para: Jane',
        'Assunto: Olá',
      ],
    ],
  ])('cuts at %s quoted headers', (_language, quotedHeaders) => {
    expect(replyOf(lines('Danke!', '', ...quotedHeaders, '', 'Earlier text'))).toBe('Danke!');
  });

  it('keeps a "From:" line that starts no quoted headers', () => {
    const text = lines('From: the accounting team, a question.', 'Why is the invoice late?');
    expect(replyOf(text)).toBe(text);
  });

  it('cuts at any "… wrote:" line followed by quoted lines', () => {
    expect(replyOf(lines('Sure.', '', 'Helpgate Support wrote:', '> Shall we close the ticket?'))).toBe('Sure.');
  });

  it('cuts a trailing block of quoted lines', () => {
    expect(replyOf(lines('Yes, please.', '', '> Shall we close the ticket?', '>', '> Support', ''))).toBe('Yes, please.');
  });

  it('keeps answers written between quoted lines', () => {
    const text = lines('See inline.', '> Which browser?', 'Firefox.', '> Which version?', '128.');
    expect(replyOf(text)).toBe(text);
  });

  it('keeps a signature above the history', () => {
    const text = lines('Fixed, thanks.', '', '-- ', 'Jane Doe', 'ACME', '', 'On Mon, 1 Jan 2024 at 10:00, Support wrote:', '> Try again');
    expect(replyOf(text)).toBe(lines('Fixed, thanks.', '', '-- ', 'Jane Doe', 'ACME'));
  });

  it.each([
    '---------- Forwarded message ---------',
    'Begin forwarded message:',
    '-------- Forwarded Message --------',
    '-----Weitergeleitete Nachricht-----',
  ])('keeps a message forwarded after "%s", as it is what the sender wants read', (marker) => {
    const text = lines(
      'Please look at this.',
      '',
      marker,
      'From: Bob <bob@acme.test>',
      'Date: Mon, 1 Jan 2024',
      'Subject: Broken',
      'To: Jane',
      '',
      'It is broken.',
    );
    expect(replyOf(text)).toBe(text);
  });

  it('reads CRLF and CR line ends', () => {
    expect(replyOf('Thanks.\r\n\r\nOn Mon, 1 Jan 2024 at 10:00, Support wrote:\r\n> Hi')).toBe('Thanks.');
    expect(replyOf('Thanks.\r\rOn Mon, 1 Jan 2024 at 10:00, Support wrote:\r> Hi')).toBe('Thanks.');
  });

  it('falls back to the full text when nothing is above the history', () => {
    const text = lines('On Mon, 1 Jan 2024 at 10:00, Support wrote:', '> Hi', '', 'My answer below the quote.');
    expect(replyOf(text)).toBe(text);
  });

  it('falls back to the full text of a mail that is only quoted lines', () => {
    expect(replyOf('> quoted\n> only')).toBe('> quoted\n> only');
  });

  it('returns an empty text unchanged', () => {
    expect(replyOf('')).toBe('');
  });
});
