import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressObject, simpleParser } from 'mailparser';
import { automationInputFromParsedMail, MachineMailRule, Recognition, recogniseAutomation } from './automation';

/**
 * Each rule for machine mail in a shape no standard describes has fixtures we wrote: `<rule>[-variant].match.eml`
 * it must recognise, and `<rule>[-variant].human.eml`, a person's mail that looks like it and must stay a person's.
 */
const fixtures = join(__dirname, '../../test/fixtures/machine-mail');

const expected: Record<string, { rule: MachineMailRule; kind: Recognition['automation']['kind'] }> = {
  'legacy-feedback-report.match.eml': { rule: 'legacy-feedback-report', kind: 'feedback-report' },
  'provider-json-notification.match.eml': { rule: 'provider-json-notification', kind: 'bounce' },
  'daemon-sender.match.eml': { rule: 'daemon-sender', kind: 'bounce' },
  'error-subject-japanese.match.eml': { rule: 'error-subject', kind: 'bounce' },
  'error-subject-unzustellbar.match.eml': { rule: 'error-subject', kind: 'bounce' },
  'list-manager-notice.match.eml': { rule: 'list-manager-notice', kind: 'bounce' },
  'list-manager-headers.match.eml': { rule: 'list-manager-headers', kind: 'bulk' },
  'returned-message-with-error.match.eml': { rule: 'returned-message-with-error', kind: 'bounce' },
};

function files(suffix: string): string[] {
  return readdirSync(fixtures)
    .filter((file) => file.endsWith(suffix))
    .sort();
}

async function recognise(file: string): Promise<Recognition | undefined> {
  const mail = await simpleParser(readFileSync(join(fixtures, file)), { keepDeliveryStatus: true });
  const returnPath = mail.headers.get('return-path') as AddressObject | undefined;
  const envelopeFrom = (returnPath ?? mail.from)?.value[0]?.address || null;
  return recogniseAutomation(automationInputFromParsedMail(mail, { envelopeFrom, ownDomains: ['helpgate.test'] }));
}

describe('machine-mail rules on our fixtures', () => {
  it('writes down the expected rule of every matching fixture, and each rule has a human fixture it must not match', () => {
    expect(Object.keys(expected).sort()).toEqual(files('.match.eml'));
    const rulesWithHumanFixture = new Set(files('.human.eml').map((file) => file.replace(/\.human\.eml$/, '')));
    for (const { rule } of Object.values(expected)) expect(rulesWithHumanFixture).toContain(rule);
  });

  it.each(files('.match.eml'))('%s is recognised by its rule', async (file) => {
    const recognition = await recognise(file);
    expect(recognition && { rule: recognition.rule, kind: recognition.automation.kind }).toEqual(expected[file]);
  });

  it.each(files('.human.eml'))('%s stays a person’s mail', async (file) => {
    expect(await recognise(file)).toBeUndefined();
  });

  it('reads what a relayed JSON bounce says about our mail', async () => {
    expect(await recognise('provider-json-notification.match.eml')).toMatchObject({
      automation: {
        kind: 'bounce',
        bounce: {
          recipient: 'noor.haddad@desert.example',
          status: '5.1.1',
          permanent: true,
          originalMessageId: '<hg.44004400.b2b2b2b2b2b2.Nh3Dd4@helpgate.test>',
        },
      },
      aboutMessageId: '<hg.44004400.b2b2b2b2b2b2.Nh3Dd4@helpgate.test>',
    });
  });

  it('names the reported message of an older feedback report and the returned one of an error notice', async () => {
    expect((await recognise('legacy-feedback-report.match.eml'))?.aboutMessageId).toBe('<hg.81208120.a1a1a1a1a1a1.Lf1Ab2@helpgate.test>');
    expect((await recognise('returned-message-with-error.match.eml'))?.automation.bounce).toEqual({
      recipient: 'dock.master@harbor.example',
      status: '5.1.1',
      permanent: true,
      originalMessageId: '<hg.97709770.c3c3c3c3c3c3.Dm5Bb6@helpgate.test>',
    });
  });
});
