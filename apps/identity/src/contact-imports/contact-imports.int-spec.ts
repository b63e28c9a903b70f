import { EmailOutboundRequestedV1, IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { agentToken } from '../../../../test/support/auth';
import { eventually } from '../../../../test/support/infra';
import { jsonOk } from '../../../../test/support/json-requests';
import { ServiceInProcess, startServiceInProcess } from '../../../../test/support/service-in-process';
import type { ContactActivityPageDto } from '../contacts/contact-activity.dto';
import type { ContactResponseDto } from '../contacts/contact.dto';
import { identityServiceDefinition } from '../identity.definition';
import type { ContactImportReportDto } from './contact-import.dto';

const csvHeaders = { 'content-type': 'text/csv' };

describe('contact import (real Postgres and Kafka)', () => {
  let identity: ServiceInProcess;
  let acme: { id: string };
  let globex: { id: string };

  beforeAll(async () => {
    identity = await startServiceInProcess(identityServiceDefinition, {
      IDENTITY_IMPORT_MAX_BYTES: '4096',
      IDENTITY_IMPORT_MAX_ROWS: '20',
    });
    await identity.kafka.record(Topics.IdentityContactChanged, Topics.EmailOutboundRequested);
    acme = await json('POST', '/organizations', { name: 'Acme', domains: ['acme.test'] });
    globex = await json('POST', '/organizations', { name: 'Globex', domains: ['globex.test'] });
    expect((await identity.request('PATCH', '/settings', { sendWelcomeMail: true })).status).toBe(200);
  });

  afterAll(async () => {
    await identity?.close();
  });

  function json<Body = { id: string }>(method: string, path: string, body?: unknown): Promise<Body> {
    return jsonOk<Body>(identity, method, path, body);
  }

  const importFile = (csv: string) => identity.fetch('/contacts/imports', { method: 'POST', headers: csvHeaders, body: csv });
  const contact = (id: string) => json<ContactResponseDto>('GET', `/contacts/${id}`);
  const changesOf = (contactId: string) =>
    identity.kafka
      .events<IdentityContactChangedV1>(Topics.IdentityContactChanged)
      .filter((event) => event.contact.id === contactId)
      .map((event) => event.change);
  const welcomesTo = (address: string) =>
    identity.kafka
      .events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested)
      .filter((event) => event.mail.kind === 'welcome' && event.mail.to[0]!.address === address);

  describe('a file with rows to create, update, leave unchanged and refuse', () => {
    let report: ContactImportReportDto;
    let existing: ContactResponseDto;
    let survivor: ContactResponseDto;
    let same: ContactResponseDto;

    beforeAll(async () => {
      existing = await json<ContactResponseDto>('POST', '/contacts', {
        name: 'Existing Person',
        email: 'existing@acme.test',
        tags: ['vip'],
      });
      same = await json<ContactResponseDto>('POST', '/contacts', { name: 'Same Person', email: 'same@acme.test' });
      survivor = await json<ContactResponseDto>('POST', '/contacts', { name: 'Survivor', email: 'survivor@acme.test' });
      const mergedAway = await json<ContactResponseDto>('POST', '/contacts', { name: 'Old Self', email: 'old@home.test' });
      await json('POST', `/contacts/${survivor.id}/merge`, { contactId: mergedAway.id });

      const response = await importFile(
        [
          'Email,First Name,Last Name,Full Name,Organization,Phone,Time Zone,Tags,Notes,Shoe Size',
          'new@acme.test,New,Person,,,,,,,42',
          'jane@gmail.com,Jane,Free,,GLOBEX,,,,"Prefers mail, not ""phone"".\nSecond line",',
          'existing@acme.test,,,,,,Europe/Rome,beta;vip,,',
          'EXISTING@acme.test,,,,,,UTC,,,',
          'old@home.test,,,,,+44 20 7946 0001,,,,',
          'same@acme.test,,,Same Person,,,,,,',
          'not-an-address,Bad,Address,,,,,,,',
          'nowhere@acme.test,No,Where,,Initech,,,,,',
          'markup@acme.test,<b>Mark</b>,<i>Up</i>,,,,,,<script>alert(1)</script>Clean note,',
          'curly@acme.test,Robert{},,,,,,,,',
          'nameless@acme.test,,,,,,,,,',
          'survivor@acme.test,,,,,,,,,',
          '',
        ].join('\r\n'),
      );
      expect(response.status).toBe(201);
      report = (await response.json()) as ContactImportReportDto;
    });

    const rowAt = (line: number) => report.rows.find((row) => row.line === line)!;

    it('reports every row with its outcome, and why the refused ones were refused', () => {
      expect(report).toMatchObject({
        created: 3,
        updated: 2,
        unchanged: 1,
        refused: 6,
        unknownColumns: ['Shoe Size'],
        importedBy: expect.stringMatching(/^agent:/),
      });
      expect(report.rows).toEqual([
        { line: 2, email: 'new@acme.test', outcome: 'created', contactId: expect.any(String) },
        { line: 3, email: 'jane@gmail.com', outcome: 'created', contactId: expect.any(String) },
        { line: 5, email: 'existing@acme.test', outcome: 'updated', contactId: existing.id },
        { line: 6, email: 'existing@acme.test', outcome: 'refused', reason: 'line 5 has the same email' },
        { line: 7, email: 'old@home.test', outcome: 'updated', contactId: survivor.id },
        { line: 8, email: 'same@acme.test', outcome: 'unchanged', contactId: same.id },
        { line: 9, email: 'not-an-address', outcome: 'refused', reason: 'email: is not an email address' },
        { line: 10, email: 'nowhere@acme.test', outcome: 'refused', reason: 'organization: there is no organization named "Initech"' },
        { line: 11, email: 'markup@acme.test', outcome: 'created', contactId: expect.any(String) },
        {
          line: 12,
          email: 'curly@acme.test',
          outcome: 'refused',
          reason: "first name: may contain letters, digits, spaces and . , - ' ( ) & / only",
        },
        { line: 13, email: 'nameless@acme.test', outcome: 'refused', reason: 'A contact needs a name, or a first or last name' },
        { line: 14, email: 'survivor@acme.test', outcome: 'refused', reason: 'line 7 has another address of the same contact' },
      ]);
    });

    it('creates contacts from the import, placed by domain or in the organization named, even for a free-mail address', async () => {
      expect(await contact(rowAt(2).contactId!)).toMatchObject({
        name: 'New Person',
        email: 'new@acme.test',
        organization: { id: acme.id, name: 'Acme' },
        source: 'import',
      });
      expect(await contact(rowAt(3).contactId!)).toMatchObject({
        name: 'Jane Free',
        organization: { id: globex.id, name: 'Globex' },
        notes: 'Prefers mail, not "phone".\nSecond line',
        source: 'import',
      });
    });

    it('strips markup from names and notes', async () => {
      expect(await contact(rowAt(11).contactId!)).toMatchObject({
        name: 'Mark Up',
        firstName: 'Mark',
        lastName: 'Up',
        notes: 'Clean note',
      });
    });

    it('updates the contact that has the address, a merged-away one through its survivor, adding tags and phones', async () => {
      expect(await contact(existing.id)).toMatchObject({ name: 'Existing Person', timeZone: 'Europe/Rome', tags: ['vip', 'beta'] });
      expect((await contact(survivor.id)).phones).toEqual([{ number: '+442079460001', kind: 'direct' }]);
      expect(await contact(same.id)).toEqual(same);
    });

    it('publishes the changes and records them on the timeline', async () => {
      const [created, updated] = [rowAt(2).contactId!, existing.id];
      await eventually(() => expect(changesOf(created)).toEqual(['created']));
      await eventually(() => expect(changesOf(updated)).toEqual(['created', 'updated']));
      await eventually(() => expect(changesOf(survivor.id)).toEqual(['created', 'updated', 'updated']));
      const createdTimeline = await json<ContactActivityPageDto>('GET', `/contacts/${created}/activity`);
      expect(createdTimeline.items).toMatchObject([{ kind: 'created', details: { source: 'import' } }]);
      const updatedTimeline = await json<ContactActivityPageDto>('GET', `/contacts/${updated}/activity`);
      expect(updatedTimeline.items[0]).toMatchObject({ kind: 'profile_changed', details: { fields: ['tags', 'timeZone'] } });
      expect(changesOf(same.id)).toEqual(['created']);
    });

    it('sends imported contacts no welcome mail, while an agent’s new contact gets one', async () => {
      await json('POST', '/contacts', { name: 'Agent Made', email: 'agent-made@acme.test' });
      await eventually(() => expect(welcomesTo('agent-made@acme.test')).toHaveLength(1));
      for (const address of ['new@acme.test', 'jane@gmail.com', 'markup@acme.test']) expect(welcomesTo(address)).toEqual([]);
    });

    it('keeps the report for later', async () => {
      expect(await json('GET', `/contacts/imports/${report.id}`)).toEqual(report);
      const unknown = await identity.request('GET', '/contacts/imports/5f0c7a4e-3a1b-4c2d-9e8f-000000000000');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'contact_import.not_found' });
    });

    it('erases the address from the report when the contact is deleted', async () => {
      const deleted = rowAt(11).contactId!;
      expect((await identity.request('DELETE', `/contacts/${deleted}`)).status).toBe(204);
      const kept = await json<ContactImportReportDto>('GET', `/contacts/imports/${report.id}`);
      expect(kept.rows.find((row) => row.line === 11)).toEqual({ line: 11, email: null, outcome: 'created', contactId: deleted });
    });
  });

  it('reads a UTF-8 file with a byte order mark and LF line ends', async () => {
    const response = await importFile('\ufeffe-mail,NAME\nzoe@globex.test,Zoë Ünal\n');
    expect(response.status).toBe(201);
    const report = (await response.json()) as ContactImportReportDto;
    expect(await contact(report.rows[0]!.contactId!)).toMatchObject({ name: 'Zoë Ünal', organization: { id: globex.id } });
  });

  it('checks the token before anything of the request: 401 without one, whatever the body and its type', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, csvHeaders, { 'content-type': 'text/csv; charset=klingon' }]) {
      const response = await fetch(`${identity.baseUrl}/contacts/imports`, {
        method: 'POST',
        headers,
        body: 'email,name\nnobody@acme.test,No Body',
      });
      expect({ type: headers['content-type'], status: response.status, body: await response.json() }).toEqual({
        type: headers['content-type'],
        status: 401,
        body: { statusCode: 401, code: 'auth.token_missing', message: 'A bearer token is required' },
      });
    }
    const asAgent = { authorization: `Bearer ${agentToken('agent')}` };
    const wrongTypeAsAgent = await fetch(`${identity.baseUrl}/contacts/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', ...asAgent },
      body: '<a/>',
    });
    expect(wrongTypeAsAgent.status).toBe(403);
  });

  it('lets admins only import, and any agent read a report', async () => {
    const csv = 'email,name\nagent-tried@acme.test,Agent Tried';
    const asAgent = { authorization: `Bearer ${agentToken('agent')}` };
    const refused = await identity.fetch('/contacts/imports', { method: 'POST', headers: { ...csvHeaders, ...asAgent }, body: csv });
    expect(refused.status).toBe(403);
    const report = (await (await importFile(csv)).json()) as ContactImportReportDto;
    expect((await identity.fetch(`/contacts/imports/${report.id}`, { headers: asAgent })).status).toBe(200);
  });

  it('refuses files it cannot use as a whole, saying why', async () => {
    const answers = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });
    /** Imports the file and expects the 400 that names where in it the problem is. */
    const expectInvalidInput = async (csv: string, path: string, message: string) =>
      expect(await answers(await importFile(csv))).toMatchObject({
        status: 400,
        body: { statusCode: 400, code: 'request.invalid_input', details: [{ path, message }] },
      });
    expect(await answers(await identity.request('POST', '/contacts/imports', { csv: 'email\na@acme.test' }))).toMatchObject({
      status: 415,
      body: {
        statusCode: 415,
        code: 'request.unsupported_media_type',
        message: expect.stringContaining("curl -H 'Content-Type: text/csv' --data-binary @contacts.csv"),
      },
    });
    const notUtf8 = Buffer.from([...Buffer.from('email,name\nb@acme.test,'), 0xff, 0xfe]);
    expect(await answers(await identity.fetch('/contacts/imports', { method: 'POST', headers: csvHeaders, body: notUtf8 }))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        code: 'request.malformed_body',
        message: 'The file is not valid utf-8: give its charset in the Content-Type header',
      },
    });
    await expectInvalidInput('name,phone\nJane,123456', 'header', 'the header row has no email column');
    await expectInvalidInput('email,name\n"a@acme.test,A\n', 'line 2', 'a quoted field opened on line 2 is never closed');
    await expectInvalidInput('email,name\n\n', 'rows', 'the file has no rows under its header');
    const tooManyRows = ['email', ...Array.from({ length: 21 }, (_, index) => `row${index}@acme.test`)].join('\n');
    expect(await answers(await importFile(tooManyRows))).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'request.body_too_large', message: 'The file has 21 rows; at most 20 are imported at once: split it' },
    });
    expect(await answers(await importFile(`email,notes\na@acme.test,${'x'.repeat(5000)}`))).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'request.body_too_large', message: 'The file is larger than 4096 bytes: split it into smaller files' },
    });
    expect(await json<{ total: number }>('GET', '/contacts?q=row1')).toMatchObject({ total: 0 });
  });
});
