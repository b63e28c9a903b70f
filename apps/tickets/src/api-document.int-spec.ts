import { z } from 'zod';
import type { OpenApiDocument } from '@helpgate/platform';
import { documentedContent, openApiStructureProblems, undescribedSuccessResponses } from '../../../test/support/openapi-structure';
import { startTickets, TicketsUnderTest } from '../test/tickets-under-test';
import { departmentResponseSchema } from './categories/category.dto';
import { ticketDetailSchema } from './tickets/ticket.dto';

describe('tickets API document (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  let document: OpenApiDocument;

  beforeAll(async () => {
    tickets = await startTickets();
    document = (await (await fetch(`${tickets.baseUrl}/openapi.json`)).json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('is structurally sound and describes the body of every success answer that has one', () => {
    expect(openApiStructureProblems(document)).toEqual([]);
    expect(undescribedSuccessResponses(document)).toEqual([]);
    expect(documentedContent(document, '/tickets/{id}', 'patch')['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Ticket',
    });
  });

  it('declares response schemas that match what the routes answer, field for field', async () => {
    const jane = await tickets.knownContact('jane@acme.test');
    const opened = await tickets.asAgent('POST', '/tickets', {
      requester: { email: jane.email },
      subject: 'Described',
      body: 'As the document says',
      attachments: [{ filename: 'note.txt', contentBase64: Buffer.from('hello').toString('base64') }],
    });
    expect(opened.status).toBe(201);
    const ticket = (await opened.json()) as { messages: unknown[] };
    expect(ticketDetailSchema.strict().safeParse(ticket).error).toBeUndefined();
    expect(ticket.messages).toHaveLength(1);
    const departments: unknown = await tickets.asAgentOk('GET', '/categories');
    expect(z.array(departmentResponseSchema.strict()).min(1).safeParse(departments).error).toBeUndefined();
  });
});
