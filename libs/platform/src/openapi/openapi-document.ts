import { ParseBoolPipe, ParseFloatPipe, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import type { Audience } from '@helpgate/auth';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { HttpMethod, HttpRoute, RouteInput } from './http-routes';
import { InputSchemas, JsonSchema } from './input-schemas';

export interface ApiInfo {
  title: string;
  version: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

type Reference = { $ref: string };

export interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { description: string } | Reference>;
  security: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: '3.1.1';
  info: ApiInfo;
  servers: { url: string }[];
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  components: {
    securitySchemes: Record<string, JsonSchema>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, { description: string; content: { 'application/json': { schema: Reference } } }>;
  };
}

const bearerToken = 'bearerToken';

const audienceNotes: Record<Audience, string> = {
  anyone: 'Public: no token needed.',
  admins: 'For admins only.',
  agents: 'For agents (admins included); contacts are refused.',
  'agents-and-contacts': 'For agents and contacts; a contact gets its own data only.',
  contacts: 'For contacts only (their own data); agents are refused.',
};

/**
 * The OpenAPI 3.1 document of a service's HTTP routes, from what its controllers declare: paths and
 * methods, the zod schemas of their validation pipes, `@HttpCode`, and the audience of `@Public()`,
 * `@AdminsOnly()` or `@ContactsToo()`.
 */
export function openApiDocument(info: ApiInfo, routes: HttpRoute[]): OpenApiDocument {
  const schemas = new InputSchemas();
  const operationIds = new Set<string>();
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const operationId = uniqueName(`${lowerFirst(controllerName(route.controller))}_${route.handler}`, operationIds);
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operationOf(route, operationId, schemas) };
  }
  return {
    openapi: '3.1.1',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        [bearerToken]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token from identity: POST /auth/agents/sign-in or POST /auth/contacts/sign-in.',
        },
      },
      schemas: { ...errorSchemas, ...schemas.components },
      responses: errorResponses,
    },
  };
}

function operationOf(route: HttpRoute, operationId: string, schemas: InputSchemas): Operation {
  const schemaName = upperFirst(operationId.replace(/_(\w)/g, (_underscore, letter: string) => letter.toUpperCase()));
  const requestBody = requestBodyOf(route.inputs, `${schemaName}Body`, schemas);
  const operation: Operation = {
    operationId,
    tags: [humanized(controllerName(route.controller))],
    summary: humanized(route.handler),
    description: [audienceNotes[route.audience], route.description].filter(Boolean).join('\n\n'),
    parameters: [
      ...pathParametersOf(route, `${schemaName}Path`, schemas),
      ...namedParametersOf(route.inputs, 'query', `${schemaName}Query`, schemas),
      ...namedParametersOf(route.inputs, 'header', `${schemaName}Headers`, schemas),
    ],
    responses: responsesOf(route),
    security: route.audience === 'anyone' ? [] : [{ [bearerToken]: [] }],
  };
  if (requestBody) operation.requestBody = requestBody;
  return operation;
}

/** `signInAgent` → "Sign in agent"; an acronym keeps its capitals (`getURL` → "Get URL"). */
export function humanized(name: string): string {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return upperFirst(words.map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase())).join(' '));
}

/** The JSON Schema a request part must match, from the first of its pipes that says; none when no pipe does. */
function schemaOfPipes(pipes: unknown[], name: string, schemas: InputSchemas): JsonSchema | undefined {
  for (const pipe of pipes) {
    if (pipe instanceof ZodValidationPipe) return schemas.of(pipe.schema as z.ZodType, name);
    if (pipe === ParseUUIDPipe || pipe instanceof ParseUUIDPipe) return { type: 'string', format: 'uuid' };
    if (pipe === ParseIntPipe || pipe instanceof ParseIntPipe) return { type: 'integer' };
    if (pipe === ParseFloatPipe || pipe instanceof ParseFloatPipe) return { type: 'number' };
    if (pipe === ParseBoolPipe || pipe instanceof ParseBoolPipe) return { type: 'boolean' };
  }
  return undefined;
}

/** Whether the request may leave the part out: only a zod schema that accepts `undefined` says so. */
function acceptsNothing(pipes: unknown[]): boolean {
  const zodPipe = pipes.find((pipe) => pipe instanceof ZodValidationPipe);
  return zodPipe !== undefined && (zodPipe as ZodValidationPipe<z.ZodType>).schema.safeParse(undefined).success;
}

/** Every `:name` of the path, described by the pipes of `@Param('name')` or of a whole-`@Param()` zod object. */
function pathParametersOf(route: HttpRoute, schemaName: string, schemas: InputSchemas): Parameter[] {
  const inputs = route.inputs.filter((input) => input.location === 'path');
  const whole = inputs.find((input) => input.name === undefined);
  const properties = whole ? objectProperties(schemaOfPipes(whole.pipes, schemaName, schemas)) : undefined;
  return [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => {
    const named = inputs.find((input) => input.name === name);
    const schema = (named && schemaOfPipes(named.pipes, `${schemaName}${upperFirst(name!)}`, schemas)) ??
      properties?.properties[name!] ?? { type: 'string' };
    return parameter(name!, 'path', true, schema);
  });
}

/** Query or header parameters: each property of a whole-part zod object, or each named one. */
function namedParametersOf(inputs: RouteInput[], location: 'query' | 'header', schemaName: string, schemas: InputSchemas): Parameter[] {
  return inputs
    .filter((input) => input.location === location)
    .flatMap((input) => {
      if (input.name !== undefined) {
        const schema = schemaOfPipes(input.pipes, `${schemaName}${upperFirst(input.name)}`, schemas) ?? { type: 'string' };
        return [parameter(input.name, location, input.pipes.length > 0 && !acceptsNothing(input.pipes), schema)];
      }
      const object = objectProperties(schemaOfPipes(input.pipes, schemaName, schemas));
      if (!object) return [];
      return Object.entries(object.properties).map(([name, schema]) => parameter(name, location, object.required.includes(name), schema));
    });
}

function requestBodyOf(inputs: RouteInput[], schemaName: string, schemas: InputSchemas): Operation['requestBody'] {
  const bodyInputs = inputs.filter((input) => input.location === 'body');
  if (bodyInputs.length === 0) return undefined;
  const whole = bodyInputs.find((input) => input.name === undefined);
  if (whole) {
    const schema = schemaOfPipes(whole.pipes, schemaName, schemas) ?? {};
    return { required: !acceptsNothing(whole.pipes), content: { 'application/json': { schema } } };
  }
  const properties = Object.fromEntries(
    bodyInputs.map((input) => [input.name!, schemaOfPipes(input.pipes, `${schemaName}${upperFirst(input.name!)}`, schemas) ?? {}]),
  );
  const required = bodyInputs.filter((input) => !acceptsNothing(input.pipes)).map((input) => input.name!);
  return { required: true, content: { 'application/json': { schema: { type: 'object', properties, required } } } };
}

function objectProperties(schema: JsonSchema | undefined): { properties: Record<string, JsonSchema>; required: string[] } | undefined {
  if (schema?.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) return undefined;
  return { properties: schema.properties as Record<string, JsonSchema>, required: (schema.required as string[] | undefined) ?? [] };
}

function parameter(name: string, location: Parameter['in'], required: boolean, schema: JsonSchema): Parameter {
  const described: Parameter = { name, in: location, required, schema };
  if (typeof schema.description === 'string') described.description = schema.description;
  return described;
}

/**
 * The success status, then the refusals the route may answer: 400 when it validates input, 401 and 403
 * from the token guard, 404 when the path names a resource, 409 and 422 when it changes something; any
 * other answer (a wrong sign-in's 401, a used link's 410, 503) under `default`.
 */
function responsesOf(route: HttpRoute): Operation['responses'] {
  const responses: Operation['responses'] = {
    [route.successStatus]: { description: STATUS_CODES[route.successStatus] ?? 'Success' },
  };
  const ref = (name: keyof typeof errorResponses) => ({ $ref: `#/components/responses/${name}` });
  if (route.inputs.some((input) => input.pipes.length > 0 || input.location === 'body')) responses[400] = ref('BadRequest');
  if (route.audience !== 'anyone') responses[401] = ref('Unauthorized');
  if (['admins', 'agents', 'contacts'].includes(route.audience)) responses[403] = ref('Forbidden');
  if (/:\w/.test(route.path)) responses[404] = ref('NotFound');
  if (!['get', 'head', 'options'].includes(route.method)) {
    responses[409] = ref('Conflict');
    responses[422] = ref('UnprocessableContent');
  }
  responses.default = ref('OtherError');
  return responses;
}

/** The bodies `HttpExceptionFilter` and the validation pipe answer with. */
const errorSchemas: Record<string, JsonSchema> = {
  ValidationError: {
    type: 'object',
    description: 'Input that failed validation, with the failing fields.',
    properties: {
      statusCode: { const: 400 },
      message: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            path: { type: 'string', description: 'Dotted path of the field, empty for the whole part.' },
            message: { type: 'string' },
          },
          required: ['path', 'message'],
        },
      },
    },
    required: ['statusCode', 'message'],
  },
  DomainError: {
    type: 'object',
    description: 'A refusal by the service, with a stable code.',
    properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
    required: ['statusCode', 'code', 'message'],
  },
  Error: {
    type: 'object',
    properties: {
      statusCode: { type: 'integer' },
      message: { type: 'string' },
      code: { type: 'string', description: 'Present on refusals by the service.' },
      error: { type: 'string', description: 'The HTTP reason phrase.' },
    },
    required: ['statusCode', 'message'],
  },
};

function errorResponse(description: string, schema: keyof typeof errorSchemas) {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } };
}

const errorResponses = {
  BadRequest: errorResponse('Invalid input: malformed JSON, or fields that fail validation.', 'ValidationError'),
  Unauthorized: errorResponse('No bearer token, or an invalid or expired one.', 'Error'),
  Forbidden: errorResponse('The token is valid but its holder may not call this route.', 'Error'),
  NotFound: errorResponse('Nothing found under that id.', 'DomainError'),
  Conflict: errorResponse('Refused because of the current state (e.g. already taken, already deleted).', 'DomainError'),
  UnprocessableContent: errorResponse('Well-formed but refused by a rule of the service.', 'DomainError'),
  OtherError: errorResponse('Another refusal (e.g. 401 for a wrong sign-in, 410 for a used link) or an unexpected error.', 'Error'),
};

function controllerName(className: string): string {
  return className.replace(/Controller$/, '');
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}${suffix}`;
  taken.add(name);
  return name;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
