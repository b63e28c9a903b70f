import { Page } from 'playwright-core';
import { eventually, uniqueName } from '../../support/infra';
import { Stack } from '../../support/stack';
import { TestRelay } from '../../support/test-relay';

export interface PortalCustomer {
  contactId: string;
  email: string;
  password: string;
}

/**
 * A new contact with a portal password, set the way a customer sets it: identity mails a set-password link (through
 * the stack's relay), opened in `page`, the password chosen in the panel. Leaves `page` on the confirmation.
 */
export async function portalCustomer(stack: Stack, relay: TestRelay, page: Page, name: string): Promise<PortalCustomer> {
  const email = `${uniqueName(name.split(' ')[0]!.toLowerCase())}@customer.test`;
  const password = 'a long portal password';
  const created = await stack.fetch('identity', '/contacts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, email }),
  });
  expect(created.status).toBe(201);
  const { id: contactId } = (await created.json()) as { id: string };
  expect((await stack.fetch('identity', `/contacts/${contactId}/password-link`, { method: 'POST' })).status).toBe(202);
  const link = await eventually(() => {
    const found = relay
      .to(email)
      .map((mail) => /http:\/\/\S+\/help-center\/set-password\?token=[\w-]+/.exec(mail.parsed.text ?? '')?.[0])
      .find(Boolean);
    expect(found).toBeDefined();
    return found!;
  }, 60_000);
  expect(link.startsWith(`${stack.url.chat}/help-center/set-password`)).toBe(true); // identity's portal URL is chat's /help-center

  await page.goto(link);
  await page.getByRole('heading', { name: 'Choose a password' }).waitFor();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Save the password' }).click();
  await page.getByText('Your password is set: sign in with it.').waitFor();
  return { contactId, email, password };
}
