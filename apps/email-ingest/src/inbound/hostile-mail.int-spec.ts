import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

const hostile = join(__dirname, '../../test/fixtures/hostile');

interface HeldPage {
  items: { inboundMessageId: string; reason: string; detail?: string; from: string; subject: string }[];
}

/**
 * What becomes of each hostile fixture sent over SMTP as it is (bare line breaks included). Refused before the 250:
 * only what SMTP rules require (a bare CR or LF in the header section). Everything else is accepted and stored;
 * a message that cannot be read is held in quarantine saying why, never dropped.
 */
const outcomes: Record<string, { refused: RegExp } | { held: RegExp } | { published: { subject: unknown } }> = {
  'broken-base64.eml': { published: { subject: 'Broken base64' } },
  'header-injection-bare-cr.eml': { refused: /^554 5\.6\.0 Message refused: bare CR or LF in header$/ },
  'header-injection-bare-lf.eml': { refused: /^554 5\.6\.0 Message refused: bare CR or LF in header$/ },
  'html-script.eml': { published: { subject: 'Please see the attached invoice' } },
  'huge-header-line.eml': { published: { subject: 'One very long header line' } },
  'lf-dot-lf-body.eml': { published: { subject: 'SMTP smuggling attempt' } },
  'nested-300-multipart.eml': { held: /^Malformed MIME: MIME parts nested deeper than 20$/ },
  'no-headers.eml': { published: { subject: '' } },
  'proto-header.eml': { published: { subject: 'Prototype pollution attempt' } },
  // Latin-1 bytes without a charset label are not guessed at: they are read as what they are not, but read.
  'unlabeled-8bit-charset.eml': { published: { subject: expect.stringMatching(/^Gr.+e aus K.+ln .$/) } },
};

describe('hostile mail over SMTP: refused before the 250 only where SMTP requires it, otherwise kept (real SMTP, Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  /** Sends the fixture's bytes as they are, dot-stuffed, and returns the reply to the end of DATA. */
  const sendAsItIs = async (raw: Buffer) => {
    const { client } = await ingest.rawClients.greeted();
    expect((await client.command('MAIL FROM:<eve@attacker.example>')).code).toBe(250);
    expect((await client.command('RCPT TO:<support@helpgate.test>')).code).toBe(250);
    expect((await client.command('DATA')).code).toBe(354);
    const stuffed = Buffer.from(
      raw
        .toString('latin1')
        .replace(/^\./, '..')
        .replace(/\r\n\./g, '\r\n..'),
      'latin1',
    );
    await client.send(Buffer.concat([stuffed, Buffer.from(raw.subarray(-2).equals(Buffer.from('\r\n')) ? '.\r\n' : '\r\n.\r\n')]));
    const reply = await client.reply();
    await client.command('QUIT');
    return reply;
  };
  const inboundIdOf = (line: string) => /queued as ([0-9a-f-]{36})/.exec(line)![1];

  beforeAll(async () => {
    ingest = await startEmailIngest();
  });

  afterEach(() => {
    ingest?.rawClients.destroyAll();
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('has an outcome written down for every hostile fixture', () => {
    expect(Object.keys(outcomes).sort()).toEqual(readdirSync(hostile).sort());
  });

  it.each(Object.entries(outcomes))('hostile/%s', async (file, outcome) => {
    const raw = readFileSync(join(hostile, file));
    const receiptsBefore = await ingest.receiptCount();
    const reply = await sendAsItIs(raw);
    const line = `${reply.code} ${reply.lines.join(' ')}`;

    if ('refused' in outcome) {
      expect(line).toMatch(outcome.refused);
      expect(await ingest.receiptCount()).toBe(receiptsBefore);
      return;
    }
    expect(reply.code).toBe(250);
    const inboundMessageId = inboundIdOf(line);
    const stored = await ingest.fetch(`/inbound-messages/${inboundMessageId}/raw`);
    expect(Buffer.from(await stored.arrayBuffer()).equals(raw)).toBe(true);

    if ('held' in outcome) {
      const item = await eventually(async () => {
        const page = (await (await ingest.fetch('/quarantine')).json()) as HeldPage;
        const found = page.items.find((held) => held.inboundMessageId === inboundMessageId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(item).toMatchObject({ reason: 'malformed', from: 'eve@attacker.example', subject: '' });
      expect(item.detail).toMatch(outcome.held);
      expect(ingest.inboundEvents().filter((event) => event.mail.inboundMessageId === inboundMessageId)).toHaveLength(0);
      return;
    }
    const event = await eventually(() => {
      const found = ingest.inboundEvents().find((published) => published.mail.inboundMessageId === inboundMessageId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.mail.subject).toEqual(outcome.published.subject);
  });
});
