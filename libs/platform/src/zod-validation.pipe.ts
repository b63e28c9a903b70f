import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { invalidInput } from './error-body';

/**
 * Validates a request part against a zod schema and hands the parsed, typed value to the controller; a part that
 * fails is a 400 `request.invalid_input` naming each failing field. The API document reads `schema` to describe
 * the request part.
 */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw invalidInput(
        'Invalid request',
        result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    return result.data;
  }
}
