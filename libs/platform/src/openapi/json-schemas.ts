import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

export type JsonSchema = { [keyword: string]: unknown };

const componentsPath = '#/components/schemas/';

/** Which side of a zod schema to describe: what a client sends to pass it, or what a route answers. */
export type SchemaSide = 'input' | 'output';

/**
 * JSON Schema (2020-12, the dialect of OpenAPI 3.1) of zod schemas: request parts on their input side (transforms,
 * defaults and coercions are described by what a client sends), response bodies on their output side (dates as the
 * ISO strings they are serialized to). Definitions zod extracts (recursive schemas, `.meta({ id })`) become shared
 * components, because a `#/$defs/…` reference would point into the root of the API document rather than into the
 * schema.
 */
export class JsonSchemas {
  /** For `#/components/schemas`. */
  readonly components: Record<string, JsonSchema> = {};
  private readonly converted: Record<SchemaSide, Map<z.ZodType, JsonSchema>> = { input: new Map(), output: new Map() };

  /** `name` names the component when the schema refers to itself. */
  of(schema: z.ZodType, name: string, side: SchemaSide = 'input'): JsonSchema {
    let converted = this.converted[side].get(schema);
    if (!converted) {
      converted = this.convert(schema, name, side);
      this.converted[side].set(schema, converted);
    }
    return converted;
  }

  private convert(schema: z.ZodType, name: string, side: SchemaSide): JsonSchema {
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, {
      io: side,
      unrepresentable: 'any',
      override: describeDates,
    }) as JsonSchema;
    const definitions = new Map<string, { schema: JsonSchema; baseName: string }>();
    for (const [key, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      // zod names the parts of a recursive schema `__schema0`, …: unique within one schema only.
      definitions.set(`#/$defs/${key}`, { schema: definition, baseName: key.startsWith('__') ? `${name}${key}` : key });
    }
    const selfReferencing = refersTo(root, '#') || [...definitions.values()].some((definition) => refersTo(definition.schema, '#'));
    if (selfReferencing) definitions.set('#', { schema: root, baseName: name });
    const references = this.componentNames(definitions);
    for (const [ref, definition] of definitions) {
      this.components[references.get(ref)!.slice(componentsPath.length)] = withReferences(definition.schema, references);
    }
    return selfReferencing ? { $ref: references.get('#')! } : withReferences(root, references);
  }

  /** Each definition under its own name, reusing a component only when it is the very same schema (a shared `.meta({ id })`). */
  private componentNames(definitions: Map<string, { schema: JsonSchema; baseName: string }>): Map<string, string> {
    const asNamed = new Map([...definitions].map(([ref, { baseName }]) => [ref, componentsPath + baseName]));
    const namesAreFree = [...definitions.values()].every(
      ({ schema, baseName }) =>
        this.components[baseName] === undefined || isDeepStrictEqual(this.components[baseName], withReferences(schema, asNamed)),
    );
    if (namesAreFree) return asNamed;
    const taken = new Set(Object.keys(this.components));
    return new Map(
      [...definitions].map(([ref, { baseName }]) => {
        let candidate = baseName;
        for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${baseName}${suffix}`;
        taken.add(candidate);
        return [ref, componentsPath + candidate];
      }),
    );
  }
}

/** A `Date` travels as its ISO string (`toJSON`), and a query or body gives one as such a string. */
function describeDates({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  if (zodSchema._zod.def.type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
}

function refersTo(value: unknown, ref: string): boolean {
  if (Array.isArray(value)) return value.some((item) => refersTo(item, ref));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => (key === '$ref' ? item === ref : refersTo(item, ref)));
}

function withReferences<Value>(value: Value, references: Map<string, string>): Value {
  if (Array.isArray(value)) return value.map((item: unknown) => withReferences(item, references)) as Value;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? (references.get(item) ?? item) : withReferences(item, references),
    ]),
  ) as Value;
}
