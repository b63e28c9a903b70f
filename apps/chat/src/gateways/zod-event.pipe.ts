import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';

/** Validates a socket event's payload against its protocol schema; a malformed event is refused with `invalid_event`. */
export class ZodEventPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
      throw new ChatException(ChatErrorCode.InvalidEvent, `Invalid event: ${problems}`);
    }
    return result.data;
  }
}
