import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export const apiDescriptionKey = 'helpgate:api-description';
export const excludedFromApiDocumentKey = 'helpgate:excluded-from-api-document';
export const responseKey = 'helpgate:response';
export const throttledKey = 'helpgate:throttled';

/** What a route answers on success, as the API document describes it. */
export type DeclaredResponse = { schema: z.ZodType } | { contentType: string };

/** A route's description in the API document, for what its name and input do not already say. */
export const ApiDescription = (description: string) => SetMetadata(apiDescriptionKey, description);

/** Keeps a controller's routes out of the API document (the document's own page, for instance). */
export const ExcludedFromApiDocument = () => SetMetadata(excludedFromApiDocumentKey, true);

/**
 * The JSON a route answers on success, described on the schema's output side: the schema its mapper's result
 * type is inferred from. Every route but a `202` or `204` one declares what it answers.
 */
export const ResponseBody = (schema: z.ZodType) => SetMetadata(responseKey, { schema } satisfies DeclaredResponse);

/** A success answer that is not JSON: a file download (`application/octet-stream`) or text. */
export const ResponseContent = (contentType: string) => SetMetadata(responseKey, { contentType } satisfies DeclaredResponse);

/**
 * The route refuses callers that try too often with `429` and `Retry-After` (a domain exception of kind
 * `TooManyRequests`), so the API document lists that answer.
 */
export const Throttled = () => SetMetadata(throttledKey, true);
