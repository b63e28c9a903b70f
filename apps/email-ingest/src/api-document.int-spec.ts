import { z } from 'zod';
import type { OpenApiDocument } from '@helpgate/platform';
import { documentedContent, openApiStructureProblems, undescribedSuccessResponses } from '../../../test/support/openapi-structure';
import { EmailIngestUnderTest, startEmailIngest } from '../test/email-ingest-under-test';
import { supportAddressResponseSchema } from './support-addresses/support-address.dto';

describe('email-ingest API document (real Postgres and Kafka)', () => {
  let ingest: EmailIngestUnderTest;
  let document: OpenApiDocument;

  beforeAll(async () => {
    ingest = await startEmailIngest();
    document = (await (await fetch(`${ingest.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('is structurally sound and describes the body of every success answer that has one', () => {
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(undescribedSuccessResponses(document)).toEqual([]);
  });

  it('describes the support addresses as they are answered', async () => {
    const listed = documentedContent(document, '/support-addresses', 'get')['application/json']?.schema;
    expect(listed).toEqual({ type: 'array', items: { $ref: '#/components/schemas/SupportAddress' } });
    expect(document.components.schemas.SupportAddress?.required).toEqual(['address', 'defaultCategory', 'createdAt']);
    const answered: unknown = await (await ingest.fetch('/support-addresses')).json();
    expect(z.array(supportAddressResponseSchema).min(1).safeParse(answered).error).toBeUndefined();
  });

  it('describes downloads as files, not JSON', () => {
    expect(Object.keys(documentedContent(document, '/attachments/{id}', 'get'))).toEqual(['application/octet-stream']);
    expect(Object.keys(documentedContent(document, '/inbound-messages/{id}/raw', 'get'))).toEqual(['message/rfc822']);
  });
});
