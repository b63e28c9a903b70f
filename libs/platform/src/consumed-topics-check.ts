import type { CommonConfig } from '@helpgate/config';
import { declaredTopicsOf } from '@helpgate/contracts';
import { topicsHandledIn } from '@helpgate/kafka';
import type { ServiceDefinition } from './run-service';

/**
 * Refuses a service whose event handlers consume other topics than libs/contracts declares for it (`consumedTopics`,
 * which tests and benchmarks read from outside the process), or that has handlers but no event transport to run
 * them. Every start runs it, and so does each app's unit test, so the list cannot drift from the handlers.
 */
export async function checkConsumedTopics<Config extends CommonConfig>(
  definition: Pick<ServiceDefinition<Config>, 'loadConfig' | 'rootModule' | 'eventTransport' | 'consumesEvents'>,
  config: Config = definition.loadConfig(),
): Promise<void> {
  const { service } = config;
  const handled = await topicsHandledIn(definition.rootModule(config));
  const declared: readonly string[] | undefined = declaredTopicsOf(service);
  if (!declared) throw new Error(`libs/contracts declares no consumed topics for the service ${service}: add it to consumedTopics`);
  if (definition.consumesEvents?.(config) === false) {
    if (handled.length > 0) throw new Error(`${service} runs no event consumers here but has handlers for: ${handled.join(', ')}`);
    return;
  }
  const undeclared = handled.filter((topic) => !declared.includes(topic));
  const unhandled = declared.filter((topic) => !handled.includes(topic));
  if (undeclared.length > 0 || unhandled.length > 0) {
    throw new Error(
      `The event handlers of ${service} and its consumedTopics in libs/contracts differ: ` +
        `handled but not declared: [${undeclared.join(', ')}]; declared but not handled: [${unhandled.join(', ')}]`,
    );
  }
  if (handled.length > 0 && !definition.eventTransport) {
    throw new Error(`${service} has event handlers (${handled.join(', ')}) but no event transport to run them`);
  }
}
