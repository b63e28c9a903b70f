import { z } from 'zod';
import { openApiStructureProblems, undescribedSuccessResponses } from '../../../test/support/openapi-structure';
import { EmailIngestUnderTest, startEmailIngest } from '../test/email-ingest-under-test';
import { supportAddressResponseSchema } from './support-addresses/support-address.dto';

describe('email-ingest API document (real Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;
  let document: any;

  beforeAll(async () => {
    ingest = await startEmailIngest();
    document = await (await fetch(`${ingest.baseUrl}/openapi.json`)).json();
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('is structurally sound and describes the body of every success answer that has one', () => {
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(undescribedSuccessResponses(document)).toEqual([]);
  });

  it('describes the support addresses as they are answered', async () => {
    const listed = document.paths['/support-addresses'].get.responses['200'].content['application/json'].schema;
    expect(listed).toEqual({ type: 'array', items: { $ref: '#/components/schemas/SupportAddress' } });
    expect(document.components.schemas.SupportAddress.required).toEqual(['address', 'defaultCategory', 'createdAt']);
    const answered: unknown = await (await ingest.fetch('/support-addresses')).json();
    expect(z.array(supportAddressResponseSchema).min(1).safeParse(answered).error).toBeUndefined();
  });

  it('describes downloads as files, not JSON', () => {
    expect(Object.keys(document.paths['/attachments/{id}'].get.responses['200'].content)).toEqual(['application/octet-stream']);
    expect(Object.keys(document.paths['/inbound-messages/{id}/raw'].get.responses['200'].content)).toEqual(['message/rfc822']);
  });
});
