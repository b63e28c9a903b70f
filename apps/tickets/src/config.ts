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
    TICKETS_DEFAULT_SUPPORT_ADDRESS: z
      .email()
      .transform((address) => address.toLowerCase())
      .default('support@helpgate.test'),
    TICKETS_MAX_CCS: positiveIntSetting(20),
    TICKETS_AUTO_REPLY_LIMIT: positiveIntSetting(10),
    TICKETS_AUTO_REPLY_WINDOW_MINUTES: positiveIntSetting(180),
    TICKETS_MAX_ATTACHMENTS: positiveIntSetting(3),
    TICKETS_MAX_ATTACHMENTS_TOTAL_BYTES: positiveIntSetting(10 * 1024 * 1024),
    TICKETS_CUSTOMER_SUCCESS_MAX_PER_ADDRESS: positiveIntSetting(3),
    TICKETS_CUSTOMER_SUCCESS_MAX_PER_CLIENT: positiveIntSetting(20),
    TICKETS_CUSTOMER_SUCCESS_WINDOW_MINUTES: positiveIntSetting(60),
    /** Where people reach the chat service's API: the files of a conversation turned into a ticket are downloaded there. */
    CHAT_PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .default('http://127.0.0.1:3004')
      .transform((url) => url.replace(/\/+$/, '')),
  })
  .transform((env) => ({
    ...toCommonConfig('tickets', env),
    mail: {
      threadSecret: env.TICKETS_THREAD_SECRET,
      sendAcknowledgements: env.TICKETS_SEND_ACKNOWLEDGEMENTS,
      supportName: env.TICKETS_SUPPORT_NAME,
      defaultSupportAddress: env.TICKETS_DEFAULT_SUPPORT_ADDRESS,
      maxCcs: env.TICKETS_MAX_CCS,
      autoReplyLimit: env.TICKETS_AUTO_REPLY_LIMIT,
      autoReplyWindowMinutes: env.TICKETS_AUTO_REPLY_WINDOW_MINUTES,
    },
    attachments: {
      maxCount: env.TICKETS_MAX_ATTACHMENTS,
      maxTotalBytes: env.TICKETS_MAX_ATTACHMENTS_TOTAL_BYTES,
    },
    chat: { publicUrl: env.CHAT_PUBLIC_URL },
    /** How many "contact customer success" requests one address, and one client, may send within the window. */
    customerSuccessLimits: {
      maxPerAddress: env.TICKETS_CUSTOMER_SUCCESS_MAX_PER_ADDRESS,
      maxPerClient: env.TICKETS_CUSTOMER_SUCCESS_MAX_PER_CLIENT,
      windowSeconds: env.TICKETS_CUSTOMER_SUCCESS_WINDOW_MINUTES * 60,
    },
  }));

export type TicketsConfig = z.output<typeof ticketsSettings>;
export type TicketMailConfig = TicketsConfig['mail'];
export type AttachmentLimitsConfig = TicketsConfig['attachments'];
export type ChatLinksConfig = TicketsConfig['chat'];
export type CustomerSuccessLimitsConfig = TicketsConfig['customerSuccessLimits'];

export function loadTicketsConfig(env: NodeJS.ProcessEnv = process.env): TicketsConfig {
  return loadConfig(ticketsSettings, env);
}

/**
 * The largest JSON body the HTTP API reads: attachments travel base64-encoded (4 bytes for every 3), plus room for
 * the rest of the ticket, so a request just over the attachment limit still gets the clear refusal from the service.
 */
export function jsonBodyLimitBytes(config: TicketsConfig): number {
  return Math.ceil(config.attachments.maxTotalBytes / 3) * 4 + 1024 * 1024;
}
