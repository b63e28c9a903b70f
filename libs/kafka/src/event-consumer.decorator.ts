import { ArgumentsHost, Catch, Controller, applyDecorators, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import type { EventOf, TopicName } from '@helpgate/contracts';

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

/** Marks a class whose @ConsumeEvent handlers consume Kafka events. */
export function EventConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new PassOriginalErrorFilter()));
}

/**
 * The extra a batch handler is registered with: it receives an array of events of one partition, in offset order,
 * and must handle them atomically (see KafkaEventServer).
 */
export const BATCH_HANDLER_EXTRA = 'batch';

/** True only when both types are the same, not merely assignable: a handler taking `unknown` or a wider type is refused too. */
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * What `@ConsumeEvent` applies to: a method whose one parameter is exactly `Payload`. Anything else fails to compile
 * (the TypedPropertyDescriptor ties the method's type to the contract; the message names the type it must take).
 */
export type EventHandlerDecorator<Payload> = <Handler extends (payload: Payload) => Promise<void>>(
  target: object,
  method: string | symbol,
  descriptor: TypedPropertyDescriptor<Handler> &
    (Identical<Parameters<Handler>[0], Payload> extends true ? unknown : { 'the handler must take exactly': Payload }),
) => void;

/**
 * Declares the handler of one contract topic, typed by the contract map: `@ConsumeEvent(Topics.X)` takes one
 * `EventOf<typeof Topics.X>`, `@ConsumeEvent(Topics.X, { batch: true })` an array of them (see BATCH_HANDLER_EXTRA).
 * The payload is the handler's one argument, so it needs no `@Payload()`.
 */
export function ConsumeEvent<Topic extends TopicName>(topic: Topic): EventHandlerDecorator<EventOf<Topic>>;
export function ConsumeEvent<Topic extends TopicName>(topic: Topic, options: { batch: true }): EventHandlerDecorator<EventOf<Topic>[]>;
export function ConsumeEvent(topic: TopicName, options?: { batch: true }): MethodDecorator {
  return (target, method, descriptor) => {
    EventPattern(topic, { [BATCH_HANDLER_EXTRA]: options?.batch === true })(target, method, descriptor);
    Payload()(target, method, 0);
  };
}
