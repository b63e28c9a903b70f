import { createTransport, Transporter } from 'nodemailer';
import { startStack, Stack } from './stack';
import { TestRelay } from './test-relay';

/** What a mail conversation runs against: the four services as processes, the SMTP relay they send through, a customer's mail client. */
export interface MailRun {
  relay: TestRelay;
  stack: Stack;
  /** Mails the stack's inbound SMTP port as a customer's mail server would. */
  customer: Transporter;
  close(): Promise<void>;
}

/** Starts the relay, then the stack sending through it (with `env` over the relay settings), and connects the customer. */
export async function startMailRun(env: NodeJS.ProcessEnv = {}): Promise<MailRun> {
  const relay = await TestRelay.start();
  let stack: Stack;
  try {
    stack = await startStack({ env: { SMTP_RELAY_URL: relay.url, OUTBOUND_RETRY_BASE_MS: '500', ...env } });
  } catch (error) {
    await relay.close();
    throw error;
  }
  const customer = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
  return {
    relay,
    stack,
    customer,
    async close() {
      customer.close();
      await stack.cleanUp();
      await relay.close();
    },
  };
}
