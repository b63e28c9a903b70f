import { SetMetadata } from '@nestjs/common';

export const apiDescriptionKey = 'helpgate:api-description';
export const excludedFromApiDocumentKey = 'helpgate:excluded-from-api-document';

/** A route's description in the API document, for what its name and input do not already say. */
export const ApiDescription = (description: string) => SetMetadata(apiDescriptionKey, description);

/** Keeps a controller's routes out of the API document (the document's own page, for instance). */
export const ExcludedFromApiDocument = () => SetMetadata(excludedFromApiDocumentKey, true);
