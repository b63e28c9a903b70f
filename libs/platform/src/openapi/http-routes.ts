import { RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { Audience, audienceOf } from '@helpgate/auth';
import { apiDescriptionKey, DeclaredResponse, excludedFromApiDocumentKey, responseKey, throttledKey } from './api-document.decorators';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head';

const httpMethods: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.OPTIONS]: 'options',
  [RequestMethod.HEAD]: 'head',
};

export type InputLocation = 'body' | 'query' | 'path' | 'header';

const inputLocations: Partial<Record<RouteParamtypes, InputLocation>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'path',
  [RouteParamtypes.HEADERS]: 'header',
};

/** A part of the request a handler takes, as `@Body`, `@Query`, `@Param` or `@Headers` declared it. */
export interface RouteInput {
  location: InputLocation;
  /** The named field (`@Param('id')`); absent when the handler takes the whole part (`@Body()`). */
  name?: string;
  /** The pipes given to the decorator: classes (`ParseUUIDPipe`) or instances (`new ZodValidationPipe(schema)`). */
  pipes: unknown[];
}

/** What Nest knows about one HTTP route, read from the decorators of its controller. */
export interface HttpRoute {
  controller: string;
  handler: string;
  method: HttpMethod;
  /** In Nest's syntax, e.g. `/contacts/:id`. */
  path: string;
  successStatus: number;
  audience: Audience;
  description?: string;
  inputs: RouteInput[];
  /** What it answers on success, from `@ResponseBody` or `@ResponseContent`. */
  response?: DeclaredResponse;
  /** It may refuse with 429 and `Retry-After` (`@Throttled()`). */
  throttled: boolean;
}

interface RouteArgMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const reflector = new Reflector();

/** The HTTP routes a controller class declares; none for event consumers or excluded controllers. */
export function httpRoutesOf(controller: Type, scanner: MetadataScanner): HttpRoute[] {
  if (Reflect.getMetadata(excludedFromApiDocumentKey, controller)) return [];
  const prefixes = pathsOf(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
  const prototype = controller.prototype as Record<string, unknown>;
  return scanner.getAllMethodNames(prototype).flatMap((handlerName) => {
    const handler = prototype[handlerName];
    if (typeof handler !== 'function') return [];
    const method = httpMethods[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (method === undefined || paths === undefined) return [];
    const route = {
      controller: controller.name,
      handler: handlerName,
      method,
      successStatus: (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'post' ? 201 : 200),
      audience: audienceOf(reflector, handler, controller),
      description: Reflect.getMetadata(apiDescriptionKey, handler) as string | undefined,
      inputs: inputsOf(controller, handlerName),
      response: Reflect.getMetadata(responseKey, handler) as DeclaredResponse | undefined,
      throttled: Reflect.getMetadata(throttledKey, handler) === true,
    };
    return prefixes.flatMap((prefix) => pathsOf(paths).map((path) => ({ ...route, path: joinPaths(prefix, path) })));
  });
}

function pathsOf(metadata: string | string[] | undefined): string[] {
  if (metadata === undefined) return ['/'];
  return Array.isArray(metadata) ? metadata : [metadata];
}

function joinPaths(prefix: string, path: string): string {
  const segments = `${prefix}/${path}`.split('/').filter(Boolean);
  return `/${segments.join('/')}`;
}

/** Built-in parameter decorators are keyed `<paramtype>:<index>`; custom ones (`@CurrentPrincipal()`) are not request input. */
function inputsOf(controller: Type, handlerName: string): RouteInput[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, RouteArgMetadata>;
  return Object.entries(args)
    .flatMap(([key, arg]) => {
      const paramtype = /^(\d+):\d+$/.exec(key)?.[1];
      const location = paramtype === undefined ? undefined : inputLocations[Number(paramtype) as RouteParamtypes];
      if (location === undefined) return [];
      const input: RouteInput = { location, pipes: arg.pipes ?? [] };
      if (typeof arg.data === 'string') input.name = arg.data;
      return [{ index: arg.index, input }];
    })
    .sort((a, b) => a.index - b.index)
    .map(({ input }) => input);
}
