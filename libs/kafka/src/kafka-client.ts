import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
import type { KafkaConfig } from '@helpgate/config';
import { levelOfKafkajsError } from './kafkajs-log-level';

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_CONFIG = Symbol('KAFKA_CONFIG');

const logger = new Logger('kafkajs');

function logEntry({ level, log }: LogEntry): void {
  const { message, ...details } = log;
  const asError = level === logLevel.ERROR && levelOfKafkajsError(details) === 'error';
  if (asError) logger.error({ ...details }, message);
  else if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn({ ...details }, message);
}

/** The only place kafkajs is configured, so the client library can be swapped behind our own interfaces. */
export function createKafkaClient(config: KafkaConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator: () => logEntry,
  });
}
