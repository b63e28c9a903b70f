import type { HttpMethod, OpenApiDocument } from '@helpgate/platform';

/** What the check reads of a document: each part may be missing or malformed, which is what it looks for. */
export interface DocumentParts {
  openapi?: unknown;
  info?: { title?: unknown; version?: unknown };
  components?: { securitySchemes?: object };
  paths?: Record<string, Record<string, OperationParts>>;
}

interface OperationParts {
  operationId?: unknown;
  parameters?: { in?: unknown; name?: unknown; required?: unknown }[];
  responses?: object;
  security?: object[];
}

/**
 * A light structural check of an OpenAPI 3.1 document, for what tools reading it rely on: the required
 * fields, every path template parameter declared once as a required path parameter, unique operation ids,
 * well-formed response codes, declared security schemes, and every local `$ref` resolving.
 */
export function openApiStructureProblems(document: DocumentParts): string[] {
  const problems: string[] = [];
  if (!/^3\.1\.\d+$/.test(String(document.openapi))) problems.push(`openapi is ${document.openapi}, not 3.1.x`);
  if (typeof document.info?.title !== 'string' || typeof document.info?.version !== 'string') problems.push('info needs title and version');
  const schemes = Object.keys(document.components?.securitySchemes ?? {});
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`${path}: paths start with /`);
    const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name);
    for (const [method, operation] of Object.entries(item)) {
      const where = `${method} ${path}`;
      if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method))
        problems.push(`${where}: unknown method`);
      if (typeof operation.operationId === 'string') {
        if (operationIds.has(operation.operationId)) problems.push(`${where}: operationId ${operation.operationId} used twice`);
        operationIds.add(operation.operationId);
      }
      const parameters = operation.parameters ?? [];
      const keys = parameters.map((parameter) => `${parameter.in}:${parameter.name}`);
      if (new Set(keys).size !== keys.length) problems.push(`${where}: a parameter is listed twice`);
      for (const parameter of parameters) {
        if (typeof parameter.in !== 'string' || !['path', 'query', 'header', 'cookie'].includes(parameter.in))
          problems.push(`${where}: parameter ${parameter.name} in ${parameter.in}`);
        const inTemplate = typeof parameter.name === 'string' && templateNames.includes(parameter.name);
        if (parameter.in === 'path' && (parameter.required !== true || !inTemplate)) {
          problems.push(`${where}: path parameter ${parameter.name} must be required and in the path`);
        }
      }
      for (const name of templateNames) {
        if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name))
          problems.push(`${where}: {${name}} undeclared`);
      }
      const codes = Object.keys(operation.responses ?? {});
      if (codes.length === 0) problems.push(`${where}: no responses`);
      for (const code of codes) if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(code)) problems.push(`${where}: response code ${code}`);
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement))
          if (!schemes.includes(scheme)) problems.push(`${where}: undeclared scheme ${scheme}`);
      }
    }
  }
  for (const ref of localRefs(document)) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, segment) => propertyOf(node, segment.replace(/~1/g, '/').replace(/~0/g, '~')), document);
    if (target === undefined) problems.push(`$ref ${ref} does not resolve`);
  }
  return problems;
}

function propertyOf(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
}

function localRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(localRefs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? (item.startsWith('#') ? [item] : [`not local: ${item}`]) : localRefs(item),
  );
}

/**
 * Operations whose success answer has a body the document does not describe: every success but `202 Accepted` and
 * `204 No Content` answers one here, declared with `@ResponseBody(schema)` or `@ResponseContent(type)`.
 */
export function undescribedSuccessResponses(document: DocumentParts): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) =>
      Object.entries((operation.responses ?? {}) as Record<string, { content?: unknown }>)
        .filter(([status, response]) => /^2\d\d$/.test(status) && !['202', '204'].includes(status) && !response.content)
        .map(([status]) => `${method} ${path} ${status}`),
    ),
  );
}

/** The media types and schemas one operation's answer with `status` is documented with; empty when it has none. */
export function documentedContent(
  document: OpenApiDocument,
  path: string,
  method: HttpMethod,
  status = '200',
): Record<string, { schema: unknown }> {
  const response = document.paths[path]?.[method]?.responses[status];
  return response && 'content' in response ? (response.content ?? {}) : {};
}
