import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { MetadataScanner } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { AdminsOnly, ContactsToo, CurrentPrincipal, Principal, Public } from '@helpgate/auth';
import { z } from 'zod';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ApiDescription, ExcludedFromApiDocument, ResponseBody, ResponseContent, Throttled } from './api-document.decorators';
import { httpRoutesOf } from './http-routes';
import { humanized, openApiDocument } from './openapi-document';

const noteSchema = z.strictObject({
  text: z
    .string()
    .max(500)
    .transform((text) => text.trim()),
  pinned: z.boolean().default(false),
});
const noteListSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['open', 'closed']),
  tag: z.string().describe('Only notes with this tag').optional(),
});
const slugSchema = z.string().regex(/^[a-z-]+$/);
const signInSchema = z.strictObject({ email: z.string().max(320), password: z.string().min(1) });
const noteResponseSchema = z.object({
  text: z.string(),
  pinned: z.boolean(),
  createdAt: z.date(),
  archivedAt: z.date().nullable(),
  tags: z.array(z.string()).default([]),
});
const accessTokenSchema = z.object({ accessToken: z.string(), tokenType: z.literal('Bearer') });

@Controller('boards/:boardId/notes')
class BoardNotesController {
  @Get()
  list(@Param('boardId', ParseUUIDPipe) _boardId: string, @Query(new ZodValidationPipe(noteListSchema)) _query: unknown): void {}

  @AdminsOnly()
  @Post()
  @ResponseBody(noteResponseSchema)
  addNote(
    @Param('boardId', ParseUUIDPipe) _boardId: string,
    @Body(new ZodValidationPipe(noteSchema)) _body: unknown,
    @CurrentPrincipal() _principal: Principal,
  ): void {}

  @ContactsToo()
  @ApiDescription('Markdown is rendered as HTML.')
  @Get(':slug')
  @ResponseContent('text/html')
  read(@Param('boardId') _boardId: string, @Param('slug', new ZodValidationPipe(slugSchema)) _slug: string): void {}

  @Delete(':slug')
  @HttpCode(204)
  removeFromURL(): void {}

  notARoute(): void {}
}

@Public()
@Controller(['auth', 'login'])
class SignInController {
  @Post('agents/sign-in')
  @HttpCode(200)
  @Throttled()
  @ResponseBody(accessTokenSchema)
  signInAgent(@Body(new ZodValidationPipe(signInSchema)) _body: unknown): void {}
}

@Controller()
class NoteEventsConsumer {
  @EventPattern('notes.note.changed.v1')
  onNoteChanged(): void {}
}

@ExcludedFromApiDocument()
@Controller('internal')
class InternalController {
  @Get()
  hidden(): void {}
}

const scanner = new MetadataScanner();
const routes = [BoardNotesController, SignInController, NoteEventsConsumer, InternalController].flatMap((controller) =>
  httpRoutesOf(controller, scanner),
);
const document = openApiDocument({ title: 'Helpgate notes', version: '1.2.3' }, routes);

describe('HTTP routes read from controller metadata', () => {
  it('lists every route handler with its full path, and nothing for event handlers, plain methods or excluded controllers', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'get /boards/:boardId/notes',
      'post /boards/:boardId/notes',
      'get /boards/:boardId/notes/:slug',
      'delete /boards/:boardId/notes/:slug',
      'post /auth/agents/sign-in',
      'post /login/agents/sign-in',
    ]);
  });

  it('takes the success status from @HttpCode, else 201 for POST and 200 for the rest', () => {
    expect(routes.map((route) => route.successStatus)).toEqual([200, 201, 200, 204, 200, 200]);
  });

  it('takes the audience from the handler, else the controller, else agents', () => {
    expect(routes.map((route) => route.audience)).toEqual(['agents', 'admins', 'agents-and-contacts', 'agents', 'anyone', 'anyone']);
  });

  it('keeps the request parts in argument order, leaving out custom decorators such as @CurrentPrincipal()', () => {
    const addNote = routes.find((route) => route.handler === 'addNote')!;
    expect(addNote.inputs).toEqual([
      { location: 'path', name: 'boardId', pipes: [ParseUUIDPipe] },
      { location: 'body', pipes: [expect.any(ZodValidationPipe)] },
    ]);
  });
});

describe('the OpenAPI document', () => {
  const paths = document.paths;

  it('names the service and version, serves relative to itself, and offers a bearer token scheme', () => {
    expect(document).toMatchObject({
      openapi: '3.1.1',
      info: { title: 'Helpgate notes', version: '1.2.3' },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    });
  });

  it('describes a public route with its body as a client sends it, its status and no security', () => {
    expect(paths['/auth/agents/sign-in']?.post).toEqual({
      operationId: 'signIn_signInAgent',
      tags: ['Sign in'],
      summary: 'Sign in agent',
      description: 'Public: no token needed.',
      parameters: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', minLength: 1 } },
              required: ['email', 'password'],
              additionalProperties: false,
            },
          },
        },
      },
      responses: {
        200: {
          description: 'OK',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { accessToken: { type: 'string' }, tokenType: { type: 'string', const: 'Bearer' } },
                required: ['accessToken', 'tokenType'],
                additionalProperties: false,
              },
            },
          },
        },
        400: { $ref: '#/components/responses/BadRequest' },
        409: { $ref: '#/components/responses/Conflict' },
        422: { $ref: '#/components/responses/UnprocessableContent' },
        413: { $ref: '#/components/responses/ContentTooLarge' },
        429: { $ref: '#/components/responses/TooManyRequests' },
        default: { $ref: '#/components/responses/OtherError' },
      },
      security: [],
    });
    expect(paths['/login/agents/sign-in']?.post?.operationId).toBe('signIn_signInAgent2');
  });

  it('describes transformed and defaulted fields by their input: a string in, a default the client may leave out', () => {
    const body = paths['/boards/{boardId}/notes']?.post?.requestBody?.content['application/json'].schema;
    expect(body).toEqual({
      type: 'object',
      properties: { text: { type: 'string', maxLength: 500 }, pinned: { type: 'boolean', default: false } },
      required: ['text'],
      additionalProperties: false,
    });
  });

  it('makes each field of a query schema a query parameter, and the path parameters uuids where ParseUUIDPipe checks them', () => {
    expect(paths['/boards/{boardId}/notes']?.get?.parameters).toEqual([
      { name: 'boardId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      { name: 'status', in: 'query', required: true, schema: { type: 'string', enum: ['open', 'closed'] } },
      {
        name: 'tag',
        in: 'query',
        required: false,
        description: 'Only notes with this tag',
        schema: { type: 'string', description: 'Only notes with this tag' },
      },
    ]);
  });

  it('describes a path parameter by its zod pipe, and one without a pipe as a string', () => {
    expect(paths['/boards/{boardId}/notes/{slug}']?.get?.parameters).toEqual([
      { name: 'boardId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z-]+$' } },
    ]);
  });

  it('requires a bearer token elsewhere and says who may call, with 401 and, where contacts are refused, 403', () => {
    const addNote = paths['/boards/{boardId}/notes']?.post;
    expect(addNote?.security).toEqual([{ bearerToken: [] }]);
    expect(addNote?.description).toBe('For admins only.');
    expect(Object.keys(addNote?.responses ?? {})).toEqual(['201', '400', '401', '403', '404', '409', '413', '422', 'default']);

    const read = paths['/boards/{boardId}/notes/{slug}']?.get;
    expect(read?.description).toBe('For agents and contacts; a contact gets its own data only.\n\nMarkdown is rendered as HTML.');
    expect(Object.keys(read?.responses ?? {})).toEqual(['200', '400', '401', '404', 'default']);

    const remove = paths['/boards/{boardId}/notes/{slug}']?.delete;
    expect(remove?.summary).toBe('Remove from URL');
    expect(remove?.description).toBe('For agents (admins included); contacts are refused.');
    expect(Object.keys(remove?.responses ?? {})).toEqual(['204', '401', '403', '404', '409', '422', 'default']);
  });

  it('describes every error answer with the one body the exception filter writes, from its zod schema', () => {
    for (const response of Object.values(document.components.responses)) {
      expect(response.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
    }
    expect(document.components.schemas.Error).toMatchObject({
      type: 'object',
      properties: {
        statusCode: { type: 'integer' },
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
      required: ['statusCode', 'code', 'message'],
    });
  });

  it('lists 429 with its Retry-After header for throttled routes only', () => {
    expect(document.components.responses.TooManyRequests?.headers).toEqual({
      'Retry-After': { description: expect.any(String), required: true, schema: { type: 'integer', minimum: 1 } },
    });
    const throttled = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item ?? {}).flatMap(([method, operation]) => (operation && 429 in operation.responses ? [`${method} ${path}`] : [])),
    );
    expect(throttled).toEqual(['post /auth/agents/sign-in', 'post /login/agents/sign-in']);
  });

  it('describes a declared response body on its output side: dates as ISO strings, defaults always present', () => {
    expect(paths['/boards/{boardId}/notes']?.post?.responses[201]).toEqual({
      description: 'Created',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              text: { type: 'string' },
              pinned: { type: 'boolean' },
              createdAt: { type: 'string', format: 'date-time' },
              archivedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
              tags: { type: 'array', items: { type: 'string' }, default: [] },
            },
            required: ['text', 'pinned', 'createdAt', 'archivedAt', 'tags'],
            additionalProperties: false,
          },
        },
      },
    });
  });

  it('describes a body that is not JSON by its content type, and none for a route without a declared one', () => {
    expect(paths['/boards/{boardId}/notes/{slug}']?.get?.responses[200]).toEqual({
      description: 'OK',
      content: { 'text/html': { schema: { type: 'string' } } },
    });
    expect(paths['/boards/{boardId}/notes/{slug}']?.delete?.responses[204]).toEqual({ description: 'No Content' });
  });
});

describe('schemas zod extracts as definitions', () => {
  it('become components, so their references resolve inside the API document', () => {
    const tag = z.string().max(30).meta({ id: 'Tag' });
    const category: z.ZodType = z.object({
      name: z.string(),
      get subcategories() {
        return z.array(category);
      },
    });
    @Controller('catalog')
    class CatalogController {
      @Post()
      addCategory(@Body(new ZodValidationPipe(z.object({ tags: z.array(tag) }))) _body: unknown): void {}

      @Post('tags')
      addTag(@Body(new ZodValidationPipe(z.object({ tag }))) _body: unknown): void {}

      @Post('tree')
      addTree(@Body(new ZodValidationPipe(category)) _body: unknown): void {}
    }
    const catalog = openApiDocument({ title: 'catalog', version: '1' }, httpRoutesOf(CatalogController, scanner));
    const bodyOf = (path: string) => catalog.paths[path]?.post?.requestBody?.content['application/json'].schema;

    expect(bodyOf('/catalog')).toMatchObject({ properties: { tags: { items: { $ref: '#/components/schemas/Tag' } } } });
    expect(bodyOf('/catalog/tags')).toMatchObject({ properties: { tag: { $ref: '#/components/schemas/Tag' } } });
    expect(catalog.components.schemas.Tag).toEqual({ type: 'string', maxLength: 30 });
    expect(bodyOf('/catalog/tree')).toEqual({ $ref: '#/components/schemas/CatalogAddTreeBody' });
    expect(catalog.components.schemas.CatalogAddTreeBody).toMatchObject({
      properties: { subcategories: { items: { $ref: '#/components/schemas/CatalogAddTreeBody' } } },
    });
  });
});

describe('humanized names', () => {
  it.each([
    ['signInAgent', 'Sign in agent'],
    ['get', 'Get'],
    ['sendPasswordLink', 'Send password link'],
    ['rawMessage', 'Raw message'],
    ['OrganizationDomains', 'Organization domains'],
    ['getURLForId', 'Get URL for id'],
  ])('%s → %s', (name, expected) => {
    expect(humanized(name)).toBe(expected);
  });
});
