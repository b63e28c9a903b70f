import { z } from 'zod';
import { booleanSetting, commonSettingsShape, loadConfig, positiveIntSetting, toCommonConfig } from '@helpgate/config';

const ticketsSettings = z
  .object({
    ...commonSettingsShape({ service: 'tickets', httpPort: 3003 }),
    TICKETS_THREAD_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters: it signs the Message-IDs and reply addresses of outbound mail')
      .default('helpgate-development-thread-secret-change-me'),
    TICKETS_SEND_ACKNOWLEDGEMENTS: booleanSetting(true),
    TICKETS_SUPPORT_NAME: z.string().min(1).max(100).default('Support'),
    TICKETS_MAX_CCS: positiveIntSetting(20),
    TICKETS_AUTO_REPLY_LIMIT: positiveIntSetting(10),
    TICKETS_AUTO_REPLY_WINDOW_MINUTES: positiveIntSetting(180),
  })
  .transform((env) => ({
    ...toCommonConfig('tickets', env),
    mail: {
      threadSecret: env.TICKETS_THREAD_SECRET,
      sendAcknowledgements: env.TICKETS_SEND_ACKNOWLEDGEMENTS,
      supportName: env.TICKETS_SUPPORT_NAME,
      maxCcs: env.TICKETS_MAX_CCS,
      autoReplyLimit: env.TICKETS_AUTO_REPLY_LIMIT,
      autoReplyWindowMinutes: env.TICKETS_AUTO_REPLY_WINDOW_MINUTES,
    },
  }));

export type TicketsConfig = z.output<typeof ticketsSettings>;
export type TicketMailConfig = TicketsConfig['mail'];

export function loadTicketsConfig(env: NodeJS.ProcessEnv = process.env): TicketsConfig {
  return loadConfig(ticketsSettings, env);
}
