import { ParseBoolPipe, ParseFloatPipe, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import type { Audience } from '@helpgate/auth';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { errorBodySchema } from '../error-body';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { HttpMethod, HttpRoute, RouteInput } from './http-routes';
import { JsonSchema, JsonSchemas } from './json-schemas';

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

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; required: boolean; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, ResponseObject | Reference>;
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
    responses: Record<string, ResponseObject>;
  };
}

const bearerToken = 'bearerToken';

const audienceNotes: Record<Audience, string> = {
  anyone: 'Public: no token needed.',
  'anyone-token-optional': 'Public: no token needed; a contact who sends theirs is answered as themselves.',
  admins: 'For admins only.',
  agents: 'For agents (admins included); contacts are refused.',
  'agents-and-contacts': 'For agents and contacts; a contact gets its own data only.',
  contacts: 'For contacts only (their own data); agents are refused.',
  'route-guarded': 'The service checks the token itself: see below whose tokens it takes.',
};

/**
 * The OpenAPI 3.1 document of a service's HTTP routes, from what its controllers declare: paths and
 * methods, the zod schemas of their validation pipes, `@HttpCode`, and the audience of `@Public()`,
 * `@AdminsOnly()` or `@ContactsToo()`.
 */
export function openApiDocument(info: ApiInfo, routes: HttpRoute[]): OpenApiDocument {
  const schemas = new JsonSchemas();
  const errorSchema = schemas.of(errorBodySchema, 'Error', 'output');
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
      schemas: schemas.components,
      responses: Object.fromEntries(
        Object.entries(errorResponses).map(([name, description]) => [
          name,
          { description, ...errorResponseHeaders[name], content: { 'application/json': { schema: errorSchema } } },
        ]),
      ),
    },
  };
}

function operationOf(route: HttpRoute, operationId: string, schemas: JsonSchemas): Operation {
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
    responses: responsesOf(route, `${schemaName}Response`, schemas),
    security: securityOf(route.audience),
  };
  if (requestBody) operation.requestBody = requestBody;
  return operation;
}

/** No scheme for a public route; for a token-optional one, none or the bearer token (OpenAPI's `{}` is "none"). */
function securityOf(audience: Audience): Operation['security'] {
  if (audience === 'anyone') return [];
  return audience === 'anyone-token-optional' ? [{}, { [bearerToken]: [] }] : [{ [bearerToken]: [] }];
}

/** `signInAgent` → "Sign in agent"; an acronym keeps its capitals (`getURL` → "Get URL"). */
export function humanized(name: string): string {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return upperFirst(words.map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase())).join(' '));
}

/** The JSON Schema a request part must match, from the first of its pipes that says; none when no pipe does. */
function schemaOfPipes(pipes: unknown[], name: string, schemas: JsonSchemas): JsonSchema | undefined {
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
function pathParametersOf(route: HttpRoute, schemaName: string, schemas: JsonSchemas): Parameter[] {
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
function namedParametersOf(inputs: RouteInput[], location: 'query' | 'header', schemaName: string, schemas: JsonSchemas): Parameter[] {
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

function requestBodyOf(inputs: RouteInput[], schemaName: string, schemas: JsonSchemas): Operation['requestBody'] {
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
 * The success answer, then the refusals the route may answer, all with the one error body: 400 when it validates
 * input, 401 and 403 from the token guard, 404 when the path names a resource, 409 and 422 when it changes
 * something, 413 when it reads a body, 429 when it is `@Throttled()`; any other answer (a wrong sign-in's 401, a used
 * link's 410, 503) under `default`.
 */
function responsesOf(route: HttpRoute, schemaName: string, schemas: JsonSchemas): Operation['responses'] {
  const responses: Operation['responses'] = { [route.successStatus]: successResponseOf(route, schemaName, schemas) };
  const ref = (name: keyof typeof errorResponses) => ({ $ref: `#/components/responses/${name}` });
  const readsBody = route.inputs.some((input) => input.location === 'body');
  if (readsBody || route.inputs.some((input) => input.pipes.length > 0)) responses[400] = ref('BadRequest');
  if (route.audience !== 'anyone') responses[401] = ref('Unauthorized');
  if (['admins', 'agents', 'contacts', 'route-guarded'].includes(route.audience)) responses[403] = ref('Forbidden');
  if (/:\w/.test(route.path)) responses[404] = ref('NotFound');
  if (!['get', 'head', 'options'].includes(route.method)) {
    responses[409] = ref('Conflict');
    responses[422] = ref('UnprocessableContent');
  }
  if (readsBody) responses[413] = ref('ContentTooLarge');
  if (route.throttled) responses[429] = ref('TooManyRequests');
  responses.default = ref('OtherError');
  return responses;
}

function successResponseOf(route: HttpRoute, schemaName: string, schemas: JsonSchemas): ResponseObject {
  const success: ResponseObject = { description: STATUS_CODES[route.successStatus] ?? 'Success' };
  if (route.response && 'schema' in route.response) {
    success.content = { 'application/json': { schema: schemas.of(route.response.schema, schemaName, 'output') } };
  } else if (route.response) {
    const { contentType } = route.response;
    success.content = { [contentType]: { schema: contentType.startsWith('text/') ? { type: 'string' } : { contentMediaType: contentType } } };
  }
  return success;
}

/** The error answers routes refer to, each with the body of `errorBodySchema`. */
const errorResponses = {
  BadRequest:
    'The request is not the route\'s input: malformed JSON, or fields that fail its schema (`request.invalid_input`, naming them in `details`).',
  Unauthorized: 'No bearer token (`auth.token_missing`), or an invalid (`auth.token_invalid`) or expired (`auth.token_expired`) one.',
  Forbidden: 'The token is valid but its holder may not call this route (`auth.wrong_audience`), or not for this resource.',
  NotFound: 'Nothing found under that id.',
  Conflict: 'Refused because of the current state (e.g. already taken, already deleted).',
  UnprocessableContent: 'Well-formed input refused by a rule of the service.',
  ContentTooLarge: 'The body is larger than the route accepts (`request.body_too_large`).',
  TooManyRequests: 'Refused for now after too many attempts (e.g. `access.too_many_attempts`): try again after `Retry-After` seconds.',
  OtherError: 'Another refusal (e.g. 401 for a wrong sign-in, 410 for a used link) or an unexpected error (`server.internal_error`).',
};

/** Headers some error answers carry besides the body. */
const errorResponseHeaders: Partial<Record<string, Pick<ResponseObject, 'headers'>>> = {
  TooManyRequests: {
    headers: {
      'Retry-After': {
        description: 'Whole seconds to wait before trying again.',
        required: true,
        schema: { type: 'integer', minimum: 1 },
      },
    },
  },
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
