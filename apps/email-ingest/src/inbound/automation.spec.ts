import { automationInputFromParsedMail, AutomationInput, detectAutomation, MailPart } from './automation';

const person: AutomationInput = {
  envelopeFrom: 'jane@acme.test',
  fromAddress: 'jane@acme.test',
  subject: 'Cannot sign in',
  headers: new Map(),
  parts: [],
  messageId: '<m1@acme.test>',
  ownDomains: ['helpgate.test'],
  text: 'Hello, I cannot sign in since this morning.',
};

const daemon: Partial<AutomationInput> = { envelopeFrom: null, fromAddress: 'MAILER-DAEMON@mx.acme.test' };

function mail(overrides: Partial<AutomationInput>): AutomationInput {
  return { ...person, ...overrides };
}

function headers(entries: Record<string, unknown>): Map<string, unknown> {
  return new Map(Object.entries(entries));
}

function part(contentType: string, content: string): MailPart {
  return { contentType, content: Buffer.from(content) };
}

const deliveryReport = { 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } };

describe('detectAutomation', () => {
  describe('mail a person wrote', () => {
    it('is not automated', () => {
      expect(detectAutomation(person)).toBeUndefined();
    });

    it('stays human with Auto-Submitted: no', () => {
      expect(detectAutomation(mail({ headers: headers({ 'auto-submitted': 'no' }) }))).toBeUndefined();
    });

    it.each(['noreply@shop.test', 'no-reply@shop.test', 'bounces@lists.test', 'postmaster-team@acme.test', 'noreen@acme.test'])(
      'stays human from %s: a contact form may send from such an address',
      (fromAddress) => {
        expect(detectAutomation(mail({ fromAddress, envelopeFrom: fromAddress }))).toBeUndefined();
      },
    );

    it.each([
      'Re: out of office policy question',
      'Out of office next week - please reassign my tickets',
      'Automatic reply settings not working',
      'Out of Office',
      'Fwd: Undelivered Mail Returned to Sender',
      'Delivery failure: parcel 12345 never arrived',
      'Undeliverable: parcel 12345',
    ])('stays human with the subject "%s"', (subject) => {
      expect(detectAutomation(mail({ subject }))).toBeUndefined();
    });

    it('stays human when it quotes or pastes a bounce', () => {
      const text = [
        'My colleague gets this:',
        'This message was created automatically by mail delivery software.',
        'The following address(es) failed:',
        '  sales@helpgate.test',
      ].join('\n');
      expect(detectAutomation(mail({ subject: 'Fwd: Mail delivery failed: returning message to sender', text }))).toBeUndefined();
    });

    it('stays human when it tells in its own words that a mail bounced', () => {
      const text = 'Hi, my message could not be delivered to sales@helpgate.test. It was not delivered to: sales, billing.';
      expect(detectAutomation(mail({ subject: 'Message could not be delivered', text }))).toBeUndefined();
    });

    it('stays human when it forwards a bounce as an attached message', () => {
      const forwarded = part('message/rfc822', 'From: MAILER-DAEMON@mx.acme.test\nMessage-ID: <ndr@mx.acme.test>\n\nUser unknown');
      expect(detectAutomation(mail({ subject: 'FW: Undeliverable: Order 4711', parts: [forwarded] }))).toBeUndefined();
    });
  });

  describe('auto-replies', () => {
    it.each([
      ['auto-submitted', 'auto-replied'],
      ['auto-submitted', 'auto-replied; owner-email="jane@acme.test"'],
      ['auto-submitted', 'auto-generated'],
      ['auto-submitted', { value: 'auto-generated', params: {} }],
      ['x-autoreply', 'yes'],
      ['x-autorespond', 'Re: your mail'],
      ['precedence', 'auto_reply'],
      ['x-auto-response-suppress', 'All'],
      ['x-auto-response-suppress', 'DR, OOF, AutoReply'],
      ['x-loop', 'jane@acme.test'],
    ])('are recognised by %s: %j', (name, value) => {
      expect(detectAutomation(mail({ headers: headers({ [name]: value }) }))).toEqual({ kind: 'auto-reply' });
    });

    it('reads repeated headers, which mailparser gives as arrays', () => {
      expect(detectAutomation(mail({ headers: headers({ 'auto-submitted': ['auto-replied', 'no'] }) }))).toEqual({ kind: 'auto-reply' });
    });

    it('ignores X-Auto-Response-Suppress that only refuses receipts', () => {
      expect(detectAutomation(mail({ headers: headers({ 'x-auto-response-suppress': 'DR, RN, NRN' }) }))).toBeUndefined();
    });

    it.each([
      'Automatic reply: [#12] Re: Cannot sign in',
      'Out of Office AutoReply: Invoice',
      'Out of Office: Invoice',
      'Autoreply: Invoice',
      'Auto-Reply: Invoice',
      'Abwesenheitsnotiz: Ihre Anfrage',
      'Automatische Antwort: Ihre Anfrage',
      'Réponse automatique : Commande',
      'Risposta automatica: Ordine',
      'Fuori sede: Ordine',
      'Respuesta automática: Factura',
      'Automatisch antwoord: Levering',
      'Resposta automática: Pedido',
    ])('are recognised by the subject prefix of "%s" without any header', (subject) => {
      expect(detectAutomation(mail({ subject }))).toEqual({ kind: 'auto-reply' });
    });

    it.each(['Out of Office', 'Fuori sede', 'Abwesenheitsnotiz', 'Autoreply'])(
      'are recognised by a bare "%s" subject when it answers a message',
      (subject) => {
        expect(detectAutomation(mail({ subject, headers: headers({ 'in-reply-to': '<hg.1@helpgate.test>' }) }))).toEqual({
          kind: 'auto-reply',
        });
      },
    );

    it('win over list headers, which autoresponders also set', () => {
      const vacation = headers({ 'x-autoreply': 'yes', precedence: 'bulk' });
      expect(detectAutomation(mail({ headers: vacation }))).toEqual({ kind: 'auto-reply' });
    });

    it('include read receipts', () => {
      const receipt = headers({ 'content-type': { value: 'multipart/report', params: { 'report-type': 'disposition-notification' } } });
      expect(detectAutomation(mail({ envelopeFrom: null, headers: receipt }))).toEqual({ kind: 'auto-reply' });
    });

    it('are auto-replies, not bounces, when sent from the null sender', () => {
      expect(detectAutomation(mail({ envelopeFrom: null, headers: headers({ 'auto-submitted': 'auto-replied' }) }))).toEqual({
        kind: 'auto-reply',
      });
    });
  });

  describe('list mail', () => {
    it.each([
      ['list', { id: { id: 'announce.acme.test', name: 'Announcements' } }],
      ['list', { unsubscribe: { url: 'https://acme.test/unsubscribe' } }],
      ['precedence', 'bulk'],
      ['precedence', 'list'],
      ['precedence', 'junk'],
      ['x-precedence', 'bulk'],
    ])('is recognised by %s: %j', (name, value) => {
      expect(detectAutomation(mail({ headers: headers({ [name]: value }) }))).toEqual({ kind: 'bulk' });
    });

    it('is not recognised by other List-* headers alone', () => {
      expect(detectAutomation(mail({ headers: headers({ list: { help: { url: 'https://acme.test/help' } } }) }))).toBeUndefined();
    });
  });

  describe('loops', () => {
    it('are recognised by a Message-ID of our own domain, whatever its case', () => {
      expect(detectAutomation(mail({ messageId: '<hg.1.2.3@HelpGate.Test>' }))).toEqual({ kind: 'loop' });
    });

    it('are recognised by an X-Loop naming one of our addresses', () => {
      expect(detectAutomation(mail({ headers: headers({ 'x-loop': 'support@helpgate.test' }) }))).toEqual({ kind: 'loop' });
    });

    it.each(['<a@helpgate.test.attacker.test>', '<a@nothelpgate.test>', '<helpgate.test@acme.test>'])(
      'are not recognised by the look-alike Message-ID %s',
      (messageId) => {
        expect(detectAutomation(mail({ messageId }))).toBeUndefined();
      },
    );
  });

  describe('feedback reports', () => {
    it('are recognised by their report type', () => {
      const report = headers({ 'content-type': { value: 'multipart/report', params: { 'report-type': 'Feedback-Report' } } });
      expect(detectAutomation(mail({ headers: report }))).toEqual({ kind: 'feedback-report' });
    });

    it('are recognised by their report part, even sent from the null sender', () => {
      const parts = [part('message/feedback-report', 'Feedback-Type: abuse\nVersion: 1\n')];
      expect(detectAutomation(mail({ envelopeFrom: null, parts }))).toEqual({ kind: 'feedback-report' });
    });
  });

  describe('bounces', () => {
    it('are recognised by a delivery report even with the headers of an auto-reply', () => {
      const report = headers({ ...deliveryReport, 'auto-submitted': 'auto-replied', 'x-autoreply': 'yes' });
      expect(detectAutomation(mail({ headers: report }))?.kind).toBe('bounce');
    });

    it.each(['message/delivery-status', 'message/global-delivery-status', 'Message/Delivery-Status'])(
      'are recognised by a %s part',
      (type) => {
        expect(detectAutomation(mail({ parts: [part(type, 'Reporting-MTA: dns; mx.acme.test\n')] }))?.kind).toBe('bounce');
      },
    );

    it('are recognised by X-Failed-Recipients', () => {
      expect(detectAutomation(mail({ headers: headers({ 'x-failed-recipients': 'bob@acme.test' }) }))).toEqual({
        kind: 'bounce',
        bounce: { recipient: 'bob@acme.test', permanent: false },
      });
    });

    it.each([
      'MAILER-DAEMON',
      'mailer-daemon@mx.acme.test',
      'postmaster',
      'Postmaster@notes.acme.test',
      'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@acme.test',
    ])('are recognised by the sender %s', (fromAddress) => {
      expect(detectAutomation(mail({ fromAddress }))?.kind).toBe('bounce');
    });

    it('are recognised by the null sender, given as null, empty or as Return-Path: <>', () => {
      const returnPathNull = headers({ 'return-path': { value: [{ address: '', name: '' }], text: '' } });
      for (const input of [mail({ envelopeFrom: null }), mail({ envelopeFrom: '' }), mail({ headers: returnPathNull })]) {
        expect(detectAutomation(input)).toEqual({ kind: 'bounce', bounce: { permanent: false } });
      }
    });

    it('are recognised by a bounce subject with the wording of a notice', () => {
      const text = 'This message was created automatically by mail delivery software.\n\n  bob@acme.test\n    retry timeout exceeded';
      expect(detectAutomation(mail({ subject: 'Mail delivery failed: returning message to sender', text }))?.kind).toBe('bounce');
    });

    it('are recognised by the wording of a notice from a machine', () => {
      const text = 'Hi. This is the qmail-send program at mx.acme.test.\n\n<bob@acme.test>:\nSorry, no mailbox here by that name. (#5.1.1)';
      expect(detectAutomation(mail({ subject: 'Notice', text, headers: headers({ 'auto-submitted': 'auto-replied' }) }))).toEqual({
        kind: 'bounce',
        bounce: { recipient: 'bob@acme.test', status: '5.1.1', permanent: true },
      });
    });

    it('are not recognised by a bounce subject alone', () => {
      expect(detectAutomation(mail({ subject: 'Returned mail: see transcript for details' }))).toBeUndefined();
    });

    describe('from a delivery report', () => {
      const report = [
        'Reporting-MTA: dns; mx.acme.test',
        '',
        'Final-Recipient: rfc822; alfred@acme.test',
        'Action: relayed',
        'Status: 2.0.0',
        '',
        'Final-Recipient: rfc822; lucius@acme.test',
        'Original-Recipient: rfc822;rnd@acme.test',
        'Action: failed',
        'Status: 5.2.1 (mailbox disabled)',
        'Diagnostic-Code: smtp; 550 5.2.1 Mailbox disabled',
        '',
        'Final-Recipient: rfc822; bruce@acme.test',
        'Action: delayed',
        'Status: 4.4.2',
      ].join('\r\n');

      it('take the recipient that failed, as it was originally addressed', () => {
        expect(detectAutomation(mail({ ...daemon, parts: [part('message/delivery-status', report)] }))?.bounce).toEqual({
          recipient: 'rnd@acme.test',
          status: '5.2.1',
          permanent: true,
        });
      });

      it('take a delayed recipient when none failed, as temporary', () => {
        const delayed = 'Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; <bruce@acme.test>\nAction: delayed\nStatus: 4.4.7\n';
        expect(detectAutomation(mail({ ...daemon, parts: [part('message/delivery-status', delayed)] }))?.bounce).toEqual({
          recipient: 'bruce@acme.test',
          status: '4.4.7',
          permanent: false,
        });
      });

      it('take the status from the diagnostic when the Status field is broken', () => {
        const broken =
          'Final-Recipient: rfc822; bob@acme.test\nAction: failed\nStatus: unknown\nDiagnostic-Code: smtp;\n 550 5.1.1 user unknown\n';
        expect(detectAutomation(mail({ ...daemon, parts: [part('message/delivery-status', broken)] }))?.bounce).toEqual({
          recipient: 'bob@acme.test',
          status: '5.1.1',
          permanent: true,
        });
      });
    });

    describe('from the text of a notice', () => {
      it.each([
        [
          'Postfix',
          '<bob@acme.test>: host mx.acme.test[192.0.2.1] said: 550\n    5.1.1 <bob@acme.test>: User unknown',
          'bob@acme.test',
          '5.1.1',
        ],
        [
          'Exim',
          'The following address(es) failed:\n\n  bob@acme.test\n    host mx.acme.test [192.0.2.1]\n    550-5.1.1 No such user',
          'bob@acme.test',
          '5.1.1',
        ],
        [
          'Sendmail',
          '   ----- The following addresses had permanent fatal errors -----\n<bob@acme.test>\n    (reason: 550 5.1.1 User unknown)',
          'bob@acme.test',
          '5.1.1',
        ],
        [
          'Exchange',
          'Delivery has failed to these recipients or groups:\n\nbob@acme.test\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
          'bob@acme.test',
          '5.1.1',
        ],
        [
          'Exchange 2003',
          "did not reach the following recipient(s):\n\n'bob@acme.test' on 1/1/2024 10:00 AM\n    <mx.acme.test #5.1.1>",
          'bob@acme.test',
          '5.1.1',
        ],
        [
          'Office 365',
          "Your message to bob@acme.test couldn't be delivered.\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'",
          'bob@acme.test',
          '5.1.10',
        ],
        [
          'Gmail',
          "Your message wasn't delivered to bob@acme.test because the address couldn't be found.\n\n550 5.1.1 The email account does not exist.",
          'bob@acme.test',
          '5.1.1',
        ],
        [
          'Domino',
          'Your message\n\n  Subject: Hello\n\nwas not delivered to:\n\n  bob@acme.test\n\nbecause:\n\n  User bob not listed in Domino Directory',
          'bob@acme.test',
          undefined,
        ],
        [
          'a transcript',
          '>>> MAIL From:<support@helpgate.test>\n<<< 250 2.1.0 Sender ok\n>>> RCPT To:<bob@acme.test>\n<<< 550 5.1.1 User unknown',
          'bob@acme.test',
          '5.1.1',
        ],
      ])('read the recipient and status of %s', (_server, text, recipient, status) => {
        const bounce = detectAutomation(mail({ ...daemon, subject: 'Undeliverable', text }))?.bounce;
        expect(bounce?.recipient).toBe(recipient);
        expect(bounce?.status).toBe(status);
      });

      it('read no recipient from the copy of the returned message', () => {
        const text = 'Delivery failed.\n\n------ This is a copy of the message, including all the headers. ------\n\nbob@acme.test\n';
        expect(detectAutomation(mail({ ...daemon, text }))?.bounce?.recipient).toBeUndefined();
      });

      it('take no IP address or date for a status', () => {
        const text = '<bob@acme.test>: connect to 4.3.2.1 failed on 5.11.2024';
        expect(detectAutomation(mail({ ...daemon, text }))?.bounce?.status).toBeUndefined();
      });

      it.each([
        ['a 5.x.x status', '550 5.7.1 rejected', true],
        ['a 4.x.x status', '452 4.2.2 over quota', false],
        ['a 5xx reply without a status', 'Remote host said: 554 delivery error: dd This user does not exist', true],
        ['a 4xx reply without a status', 'Remote host said: 421 try again later', false],
        ['a hard failure in words', "This is a permanent error; I've given up.", true],
        ['a delay in words', 'Delivery attempts will continue; this is a temporary problem.', false],
        ['nothing clear', 'Something went wrong.', false],
      ])('count %s as permanent: %s', (_case, text, permanent) => {
        expect(detectAutomation(mail({ ...daemon, text }))?.bounce?.permanent).toBe(permanent);
      });

      it('read only the head of a huge text', () => {
        const text = `${'x'.repeat(100 * 1024)}\n<bob@acme.test>: 550 5.1.1 User unknown`;
        expect(detectAutomation(mail({ ...daemon, text }))?.bounce).toEqual({ permanent: false });
      });
    });

    describe('name the returned message', () => {
      it('from the headers of a returned message part', () => {
        const returned = part(
          'message/rfc822',
          'From: support@helpgate.test\r\nMessage-ID: <hg.1@helpgate.test>\r\n\r\nMessage-ID: <not-this@x>',
        );
        expect(detectAutomation(mail({ ...daemon, parts: [returned] }))?.bounce?.originalMessageId).toBe('<hg.1@helpgate.test>');
      });

      it('from returned headers with a folded Message-ID', () => {
        const returned = part('text/rfc822-headers', 'Subject: Hi\nMessage-ID:\n <hg.2@helpgate.test>\nDate: today\n');
        expect(detectAutomation(mail({ ...daemon, parts: [returned] }))?.bounce?.originalMessageId).toBe('<hg.2@helpgate.test>');
      });

      it('from a Message-ID line quoted in the text', () => {
        const text = 'Undeliverable.\n\nOriginal message headers:\n> Message-Id: <hg.3@helpgate.test>\n';
        expect(detectAutomation(mail({ ...daemon, text }))?.bounce?.originalMessageId).toBe('<hg.3@helpgate.test>');
      });

      it('from In-Reply-To when nothing of the message came back', () => {
        const answered = headers({ 'in-reply-to': '<hg.4@helpgate.test>' });
        expect(detectAutomation(mail({ ...daemon, headers: answered }))?.bounce?.originalMessageId).toBe('<hg.4@helpgate.test>');
      });
    });

    it('leave out an address too long for the event', () => {
      const recipient = `${'a'.repeat(400)}@acme.test`;
      expect(detectAutomation(mail({ headers: headers({ 'x-failed-recipients': recipient }) }))?.bounce?.recipient).toBeUndefined();
    });
  });
});

describe('automationInputFromParsedMail', () => {
  const context = { envelopeFrom: 'bounce@relay.test', ownDomains: ['helpgate.test'] };

  it('reads sender, subject, Message-ID, text and parts from mailparser output', () => {
    const parts = [part('message/delivery-status', 'Status: 5.1.1')];
    const parsed = {
      headers: headers({
        from: { value: [{ address: 'MAILER-DAEMON@mx.acme.test', name: 'Mail Delivery System' }], text: '' },
        subject: 'Undelivered Mail Returned to Sender',
        'message-id': '<n1@mx.acme.test>',
      }),
      text: 'The mail system',
      attachments: parts,
    };
    expect(automationInputFromParsedMail(parsed, context)).toEqual({
      envelopeFrom: 'bounce@relay.test',
      fromAddress: 'MAILER-DAEMON@mx.acme.test',
      subject: 'Undelivered Mail Returned to Sender',
      headers: parsed.headers,
      parts,
      messageId: '<n1@mx.acme.test>',
      ownDomains: ['helpgate.test'],
      text: 'The mail system',
    });
  });

  it('keeps a sender written without a domain (From: MAILER-DAEMON)', () => {
    const parsed = { headers: headers({ from: { value: [{ address: '', name: 'MAILER-DAEMON' }], text: '' } }), attachments: [] };
    expect(automationInputFromParsedMail(parsed, context).fromAddress).toBe('MAILER-DAEMON');
  });

  it('falls back to the envelope sender without a From header', () => {
    expect(automationInputFromParsedMail({ headers: new Map(), attachments: [] }, context)).toMatchObject({
      fromAddress: 'bounce@relay.test',
      subject: '',
      messageId: undefined,
    });
  });
});
