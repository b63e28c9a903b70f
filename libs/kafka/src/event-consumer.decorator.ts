import { applyDecorators, ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces every error with "Internal server error"; the transport needs the
 * original error to tell a database outage (wait and retry) from a poison event (dead-letter).
 */
@Catch()
export class PassOriginalErrorFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Marks a class whose @EventPattern handlers consume Kafka events. */
export function EventConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new PassOriginalErrorFilter()));
}

/**
 * `@EventPattern(topic, { batch: true })` declares a batch handler: it receives an array of events of one
 * partition, in offset order, and must handle them atomically (see KafkaEventServer).
 */
export const BATCH_HANDLER_EXTRA = 'batch';
