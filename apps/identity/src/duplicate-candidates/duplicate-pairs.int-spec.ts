import { randomUUID } from 'node:crypto';
import { Topics } from '@helpgate/contracts';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import type { ContactResponseDto } from '../contacts/contact.dto';
import { identityServiceDefinition } from '../identity.definition';
import type { DuplicateCandidateDto, DuplicatePairDto } from './duplicate-candidate.dto';

interface Page<Item> {
  items: Item[];
  total: number;
}

/** The stored pairs follow every change to contacts, whatever made it: agents, mail, organizations, several at once. */
describe('likely duplicates kept up to date as contacts change (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition);
  });

  afterAll(async () => {
    await identity?.close();
  });

  function json<Body = { id: string }>(method: string, path: string, body?: unknown): Promise<Body> {
    return jsonOk<Body>(identity, method, path, body);
  }

  const newOrganization = (name: string) => json('POST', '/organizations', { name, domains: [`${randomUUID().slice(0, 8)}.test`] });
  const domainOf = async (organizationId: string) =>
    (await json<{ domains: string[] }>('GET', `/organizations/${organizationId}`)).domains[0]!;
  const contact = (name: string, email: string) => json<ContactResponseDto>('POST', '/contacts', { name, email });
  /** The stored pairs among these contacts, each as the sorted ids and the reasons. */
  async function pairsAmong(ids: string[]): Promise<{ contacts: string[]; reasons: DuplicatePairDto['reasons'] }[]> {
    const page = await json<Page<DuplicatePairDto>>('GET', '/duplicate-candidates?limit=200');
    return page.items
      .filter((pair) => pair.contacts.every((one) => ids.includes(one.id)))
      .map((pair) => ({ contacts: pair.contacts.map((one) => one.id), reasons: pair.reasons }));
  }

  it('follows an agent renaming a contact, and shows an organization under its current name', async () => {
    const organization = await newOrganization('Northwind');
    const domain = await domainOf(organization.id);
    const nora = await contact('Nora North', `nora@${domain}`);
    const other = await contact('Nora N.', `n.north@${domain}`);
    const ids = [nora.id, other.id].sort();
    expect(await pairsAmong(ids)).toEqual([]);

    await json('PATCH', `/contacts/${other.id}`, { name: 'NORA NORTH' });
    expect(await pairsAmong(ids)).toEqual([
      {
        contacts: ids,
        reasons: [{ kind: 'same_name_in_organization', organizationId: organization.id, organizationName: 'Northwind' }],
      },
    ]);
    await json('PATCH', `/organizations/${organization.id}`, { name: 'Northwind Traders' });
    expect((await pairsAmong(ids))[0]!.reasons).toEqual([
      { kind: 'same_name_in_organization', organizationId: organization.id, organizationName: 'Northwind Traders' },
    ]);

    await json('PATCH', `/contacts/${other.id}`, { name: 'Nina North' });
    expect(await pairsAmong(ids)).toEqual([]);
  });

  it('pairs a contact created from mail with the contact it looks like, each side seeing its own address first', async () => {
    const mia = await contact('Mia Moss', `mia.${randomUUID().slice(0, 8)}@acme.test`);
    const tagged = mia.email.replace('@', '+orders@');
    const mail = emailInboundReceived(inboundMail({ from: { address: tagged, name: 'Mia M.' } }));
    await identity.kafka.produce(Topics.EmailInboundReceived, [{ key: tagged, value: JSON.stringify(mail) }]);
    const fromMail = await eventually(async () => {
      const found = await json<Page<ContactResponseDto>>('GET', `/contacts?email=${encodeURIComponent(tagged)}`);
      expect(found.total).toBe(1);
      return found.items[0]!;
    });

    const seenBy = async (viewer: string) =>
      (await json<Page<DuplicateCandidateDto>>('GET', `/contacts/${viewer}/duplicate-candidates`)).items.map((candidate) => ({
        contact: candidate.contact.id,
        reasons: candidate.reasons,
      }));
    expect(await seenBy(fromMail.id)).toEqual([
      { contact: mia.id, reasons: [{ kind: 'similar_address', addresses: [tagged, mia.email] }] },
    ]);
    expect(await seenBy(mia.id)).toEqual([
      { contact: fromMail.id, reasons: [{ kind: 'similar_address', addresses: [mia.email, tagged] }] },
    ]);
    expect(await pairsAmong([mia.id, fromMail.id])).toHaveLength(1);
  });

  it('forgets a pair once the organization their name was shared in is deleted', async () => {
    const organization = await newOrganization('Initech');
    const domain = await domainOf(organization.id);
    const ids = [(await contact('Peter Gibbons', `peter@${domain}`)).id, (await contact('Peter Gibbons', `pg@${domain}`)).id];
    expect(await pairsAmong(ids)).toHaveLength(1);

    await json('DELETE', `/organizations/${organization.id}`);

    expect(await pairsAmong(ids)).toEqual([]);
  });

  it('pairs contacts created at the same moment with each other', async () => {
    const mailbox = `rush.${randomUUID().slice(0, 8)}`;
    const created = await Promise.all(Array.from({ length: 6 }, (_, index) => contact(`Rush ${index}`, `${mailbox}+${index}@acme.test`)));

    const pairs = await pairsAmong(created.map((one) => one.id));
    // Every two of the six: each creation saw the ones committed before it.
    expect(pairs).toHaveLength(15);
    expect(pairs.every((pair) => pair.reasons.map((reason) => reason.kind).join() === 'similar_address')).toBe(true);
  });
});
