import { DynamicModule, INestApplication, Logger as NestLogger, WebSocketAdapter } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CustomTransportStrategy } from '@nestjs/microservices';
import { json, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { ConfigError, CommonConfig } from '@helpgate/config';
import { checkConsumedTopics } from './consumed-topics-check';
import { corsOptions } from './cors';
import { BodyErrorInterceptor, deferringErrors } from './deferred-body-errors';
import { HttpExceptionFilter } from './http-exception.filter';

export interface ServiceDefinition<Config extends CommonConfig> {
  loadConfig(): Config;
  rootModule(config: Config): DynamicModule;
  /** The event transport, for services that consume events. */
  eventTransport?(app: INestApplication, config: Config): CustomTransportStrategy;
  /**
   * Whether this instance runs the service's event consumers, all of them or none (an instance given only another
   * role, such as email-ingest's SMTP front door); all of them when absent.
   */
  consumesEvents?(config: Config): boolean;
  /** The largest JSON request body the HTTP API reads, for services taking files in JSON; Express's 100 KB otherwise. */
  jsonBodyLimitBytes?(config: Config): number;
  /** The adapter the service's socket.io gateways run on, for services that have any (chat: rooms across instances). */
  webSocketAdapter?(app: INestApplication, config: Config): Promise<WebSocketAdapter>;
}

/** Starts one Helpgate service: config validated first, then its module, its event consumer, its sockets and its HTTP API. */
export async function runService<Config extends CommonConfig>(definition: ServiceDefinition<Config>): Promise<INestApplication> {
  const config = definition.loadConfig();
  await checkConsumedTopics(definition, config);
  // Nest's own parsers would answer an unreadable body before the guards check the token.
  const app = await NestFactory.create<NestExpressApplication>(definition.rootModule(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const cors = corsOptions(config.http.allowedOrigins);
  if (cors) app.enableCors(cors);
  app.use(deferringErrors(json({ limit: definition.jsonBodyLimitBytes?.(config) ?? '100kb' })));
  app.use(deferringErrors(urlencoded({ extended: true })));
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalInterceptors(new BodyErrorInterceptor());
  // Gateways are bound by init, so their adapter must be in place (and connected) before it.
  if (definition.webSocketAdapter) app.useWebSocketAdapter(await definition.webSocketAdapter(app, config));
  if (definition.eventTransport) {
    app.connectMicroservice({ strategy: definition.eventTransport(app, config) }, { inheritAppConfig: false });
  }
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.http.port, config.http.host);
  new NestLogger('Bootstrap').log(
    { service: config.service, http: `http://${config.http.host}:${config.http.port}`, database: config.database.name },
    `${config.service} ready`,
  );
  return app;
}

/**
 * The process entry point: a bad setting or a failed start exits non-zero with the reason; SIGTERM or
 * SIGINT closes the service gracefully (listeners first, then consumers, then connections) and exits 0.
 */
export function main<Config extends CommonConfig>(definition: ServiceDefinition<Config>): void {
  runService(definition).then(exitGracefullyOnSignals, (error: unknown) => {
    const reason =
      error instanceof ConfigError
        ? error.message
        : `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    process.stderr.write(`${reason}\n`);
    process.exit(1);
  });
}

function exitGracefullyOnSignals(app: INestApplication): void {
  let closing = false;
  // Ctrl-C reaches every process of a terminal's group and a supervisor may add SIGTERM: close only once.
  const shutDown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    new NestLogger('Bootstrap').log({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
}
