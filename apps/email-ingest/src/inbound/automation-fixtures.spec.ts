import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { Automation, automationSchema } from '@helpgate/contracts';
import { automationInputFromParsedMail, detectAutomation } from './automation';

const fixtures = join(__dirname, '../../test/fixtures');
const ownDomains = ['helpgate.test'];

/** What each bounce fixture says about the message it returns. */
const expectedBounces: Record<string, NonNullable<Automation['bounce']>> = {
  'amazon-ses-suppressed.eml': {
    recipient: 'paulie.gualtieri@bada-bing.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.20002000.c3c3c3c3c3c3.Sp5Su6@helpgate.test>',
  },
  'amazon-ses-user-unknown.eml': {
    recipient: 'tony.soprano@bada-bing.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.19991999.b2b2b2b2b2b2.Se3Sb4@helpgate.test>',
  },
  'courier-postmaster-no-domain.eml': {
    recipient: 'bender@planet-express.example',
    status: '5.0.0',
    permanent: true,
    originalMessageId: '<hg.30013001.e5e5e5e5e5e5.Cp9Fx0@helpgate.test>',
  },
  'dsn-several-recipients.eml': {
    recipient: 'rnd@wayne-enterprises.example',
    status: '5.2.1',
    permanent: true,
    originalMessageId: '<hg.19391939.b8b8b8b8b8b8.Wy5Ne6@helpgate.test>',
  },
  'exchange-2003-ndr.eml': {
    recipient: 'tom.jones@globomantics.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.00120012.aabbccddeeff.Pd9Rv0@helpgate.test>',
  },
  'exchange-2010-ndr.eml': {
    recipient: 'bob.ross@contoso.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.0a0a0b0b.0c0c0d0d0e0e.Ex1Ch2@helpgate.test>',
  },
  'exchange-french-non-remis.eml': {
    recipient: 'marie.curie@lesfromages.example',
    status: '5.2.2',
    permanent: true,
    originalMessageId: '<hg.00610061.5a5b5c5d5e5f.Fr4Nr5@helpgate.test>',
  },
  'exchange-german-unzustellbar.eml': {
    recipient: 'klaus.mueller@initrode.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.00550055.998877665544.De2Un3@helpgate.test>',
  },
  'exim-auto-submitted-no-failed-header.eml': {
    recipient: 'ann.perkins@pawnee.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.07080708.c9c9c9c9c9c9.Ap7Pk8@helpgate.test>',
  },
  'exim-delay-warning.eml': {
    recipient: 'm.dyson@cyberdyne.example',
    status: '4.0.0',
    permanent: false,
    originalMessageId: '<hg.91d00d00.c0c0c0c0c0c0.Ty6Ui8@helpgate.test>',
  },
  'exim-dsn-mailbox-full.eml': {
    recipient: 'sol.roth@soylent.example',
    status: '5.0.0',
    permanent: true,
    originalMessageId: '<hg.12ab34cd.0f0e0d0c0b0a.Hh3Jj5@helpgate.test>',
  },
  'exim-retry-timeout.eml': {
    recipient: 'orders@tyrell.example',
    permanent: true,
    originalMessageId: '<hg.150f0f0f.e1e2e3e4e5e6.Rr8Tt0@helpgate.test>',
  },
  'exim-user-unknown.eml': {
    recipient: 'a.wesker@umbrella.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.88c0de11.aa55aa55aa55.Wq2Er4@helpgate.test>',
  },
  'gmail-address-not-found.eml': {
    recipient: 'lisa.cuddy@ppth.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.01010101.121212121212.Gm1Nf2@helpgate.test>',
  },
  'gmail-delay.eml': {
    recipient: 'james.wilson@ppth.example',
    status: '4.4.1',
    permanent: false,
    originalMessageId: '<hg.02020202.343434343434.Gd3Ly4@helpgate.test>',
  },
  'gmail-legacy-text.eml': {
    recipient: 'r.chase@ppth.example',
    status: '5.2.1',
    permanent: true,
    originalMessageId: '<hg.03030303.565656565656.Gl5Ty6@helpgate.test>',
  },
  'global-dsn-utf8.eml': {
    recipient: 'jörg.bäcker@bäckerei-münchen.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.08080808.a7a7a7a7a7a7.Bk3Mu4@helpgate.test>',
  },
  'lotus-domino-dsn.eml': {
    recipient: 'don.draper@sterling-cooper.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.66666666.a1a1a1a1a1a1.Ld1Dn2@helpgate.test>',
  },
  'lotus-notes-delivery-failure.eml': { recipient: 'gob.bluth@bluth.example', permanent: true },
  'mailgun-dsn.eml': {
    recipient: 'walter.white@graymatter.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.00620062.d4d4d4d4d4d4.Mg7Dn8@helpgate.test>',
  },
  'null-sender-plain-notice.eml': {
    recipient: 'leslie.knope@pawnee.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.07070707.f6f6f6f6f6f6.Nl1Sn2@helpgate.test>',
  },
  'office365-recipient-not-found.eml': {
    recipient: 'n.fury@fabrikam.example',
    status: '5.1.10',
    permanent: true,
    originalMessageId: '<hg.0b1b2b3b.4b5b6b7b8b9b.Of3Fc4@helpgate.test>',
  },
  'office365-relayed-text-only.eml': {
    recipient: 'm.hill@fabrikam.example',
    status: '5.1.10',
    permanent: true,
    originalMessageId: '<hg.0c1c2c3c.4c5c6c7c8c9c.Rl5Tx6@helpgate.test>',
  },
  'postfix-delayed.eml': {
    recipient: 'h.simpson@globex.example',
    status: '4.4.1',
    permanent: false,
    originalMessageId: '<hg.0b9e2a44.51c0ffee0001.Zq9x1A@helpgate.test>',
  },
  'postfix-relay-denied.eml': {
    recipient: 'peter.gibbons@initech.example',
    status: '5.7.1',
    permanent: true,
    originalMessageId: '<hg.19aa02c1.3f2e1d0c9b8a.Pq7Lm2@helpgate.test>',
  },
  'postfix-user-unknown.eml': {
    recipient: 'jane.doe@acme.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.6f1c2b7e.9a41c3d2e5f6.k2Jd8s@helpgate.test>',
  },
  'qmail-address-retired.eml': {
    recipient: 'j.locke@oceanic.example',
    permanent: true,
    originalMessageId: '<hg.08150815.4815162342aa.Cc7Vv8@helpgate.test>',
  },
  'qmail-no-mailbox.eml': {
    recipient: 'art.vandelay@vandelay.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.0005aaaa.bbbbccccdddd.Ll1Kk2@helpgate.test>',
  },
  'qmail-remote-rejected.eml': {
    recipient: 'dwight.schrute@dundermifflin.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.00330033.123412341234.Bb5Nn6@helpgate.test>',
  },
  'sendmail-deferred-warning.eml': {
    recipient: 'g.belson@hooli.example',
    status: '4.4.7',
    permanent: false,
    originalMessageId: '<hg.04040404.0a0b0c0d0e0f.Mm5Nn6@helpgate.test>',
  },
  'sendmail-host-unknown.eml': {
    recipient: 'w.coyote@acme-rockets.invalid',
    status: '5.1.2',
    permanent: true,
    originalMessageId: '<hg.00640064.fedcbafedcba.Jj3Kk4@helpgate.test>',
  },
  'sendmail-mailer-daemon-no-domain.eml': {
    recipient: 'pepper.potts@stark.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.30003000.1a2b3c4d5e6f.Ss7Dd8@helpgate.test>',
  },
  'sendmail-user-unknown.eml': {
    recipient: 'charlie.bucket@wonka.example',
    status: '5.1.1',
    permanent: true,
    originalMessageId: '<hg.19711971.abcdefabcdef.Gg1Hh2@helpgate.test>',
  },
  'yahoo-failure-notice.eml': {
    recipient: 'kim.possible@yahoo.example',
    permanent: true,
    originalMessageId: '<hg.20022002.787878787878.Yh7Fn8@helpgate.test>',
  },
  'yahoo-mailbox-over-quota.eml': {
    recipient: 'ron.stoppable@yahoo.example',
    status: '4.2.2',
    permanent: false,
    originalMessageId: '<hg.20032003.909090909090.Yq9Tq0@helpgate.test>',
  },
};

function fixtureFiles(folder: string): string[] {
  return readdirSync(join(fixtures, folder))
    .filter((file) => file.endsWith('.eml'))
    .sort();
}

async function parseFixture(folder: string, file: string): Promise<ParsedMail> {
  return simpleParser(readFileSync(join(fixtures, folder, file)), { keepDeliveryStatus: true });
}

/** A fixture has no SMTP envelope: its Return-Path stands for it (`<>` is the null sender), else its From. */
function envelopeFromOf(mail: ParsedMail): string | null {
  const returnPath = mail.headers.get('return-path') as AddressObject | undefined;
  const sender = returnPath ?? mail.from;
  return sender?.value[0]?.address || null;
}

async function automationOf(folder: string, file: string): Promise<Automation | undefined> {
  const mail = await parseFixture(folder, file);
  return detectAutomation(automationInputFromParsedMail(mail, { envelopeFrom: envelopeFromOf(mail), ownDomains }));
}

describe('automation detection on fixture mail', () => {
  it('has the expected outcome written down for every bounce fixture', () => {
    expect(Object.keys(expectedBounces).sort()).toEqual(fixtureFiles('bounces'));
  });

  it.each(fixtureFiles('bounces'))('bounces/%s is a bounce with what it says about the returned message', async (file) => {
    const automation = await automationOf('bounces', file);
    expect(automation).toEqual({ kind: 'bounce', bounce: expectedBounces[file] });
    expect(automationSchema.safeParse(automation).success).toBe(true);
  });

  it.each(fixtureFiles('auto-replies'))('auto-replies/%s is an auto-reply', async (file) => {
    expect(await automationOf('auto-replies', file)).toEqual({ kind: 'auto-reply' });
  });

  it.each(fixtureFiles('feedback-reports'))('feedback-reports/%s is a feedback report', async (file) => {
    expect(await automationOf('feedback-reports', file)).toEqual({ kind: 'feedback-report' });
  });

  it.each(fixtureFiles('human'))('human/%s was written by a person', async (file) => {
    expect(await automationOf('human', file)).toBeUndefined();
  });

  it.each(fixtureFiles('hostile'))('hostile/%s gives a result the event contract accepts', async (file) => {
    const automation = await automationOf('hostile', file);
    expect(automationSchema.optional().safeParse(automation).success).toBe(true);
  });
});
