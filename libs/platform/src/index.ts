export * from './http-exception.filter';
export * from './logging';
export * from './platform.module';
export * from './run-service';
export * from './zod-validation.pipe';
export * from './pagination';
export { ApiDescription, ExcludedFromApiDocument } from './openapi/api-document.decorators';
export type { OpenApiDocument } from './openapi/openapi-document';
