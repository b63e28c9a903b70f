export * from './http-exception.filter';
export * from './logging';
export * from './platform.module';
export * from './run-service';
export * from './zod-validation.pipe';
export * from './pagination';
export * from './file-download';
export * from './sha256';
export { ApiDescription, ExcludedFromApiDocument } from './openapi/api-document.decorators';
