import { outboundMailSchema } from '@helpgate/contracts';
import { signInAlertMail } from './sign-in-alert-mail';

describe('signInAlertMail', () => {
  it('is an automatic mail to the agent saying how many attempts failed and for how long sign-in pauses', () => {
    const mail = signInAlertMail({
      requestId: '6f1b8a52-3f0e-4f3c-9a53-2b1d0e7c9a10',
      token: 'beef',
      to: { address: 'ann@helpgate.test', name: 'Ann Agent' },
      fromAddress: 'support@helpgate.test',
      failures: 10,
      windowSeconds: 900,
    });
    expect(outboundMailSchema.parse(mail)).toEqual(mail);
    expect(mail).toMatchObject({ kind: 'notification', autoSubmitted: 'auto-generated', to: [{ address: 'ann@helpgate.test' }] });
    expect(mail.text).toMatch(/^Hello Ann Agent,\n\nThere were 10 failed attempts .*\(ann@helpgate\.test\)/);
    expect(mail.text).toContain('up to 15 minutes');
  });
});
