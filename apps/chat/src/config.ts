import { z } from 'zod';
import { booleanSetting, commonSettingsShape, loadConfig, positiveIntSetting, toCommonConfig } from '@helpgate/config';
import { BusinessHours, parseBusinessHours } from './business-hours/business-hours';

/** The AI agents chat can put first in a conversation; `none` sends every conversation straight to the people. */
export const aiAgentKinds = ['none'] as const;

const chatSettings = z
  .object({
    ...commonSettingsShape({ service: 'chat', httpPort: 3004 }),
    CHAT_VISITOR_TOKEN_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters: it signs the conversation tokens anonymous visitors keep')
      .default('helpgate-development-visitor-token-secret-change-me'),
    CHAT_AI_AGENT: z.enum(aiAgentKinds).default('none'),
    CHAT_PRE_CHAT_FORM: booleanSetting(false),
    CHAT_MAX_MESSAGE_CHARS: positiveIntSetting(4000),
    CHAT_MESSAGES_PER_SECOND: positiveIntSetting(5),
    CHAT_MESSAGE_BURST: positiveIntSetting(10),
    CHAT_MAX_OPEN_CONVERSATIONS: positiveIntSetting(3),
    CHAT_MAX_CONNECTIONS_PER_ADDRESS: positiveIntSetting(20),
    CHAT_MAX_FILES_PER_MESSAGE: positiveIntSetting(3),
    CHAT_MAX_FILES_TOTAL_BYTES: positiveIntSetting(10 * 1024 * 1024),
    CHAT_AGENT_GRACE_SECONDS: positiveIntSetting(60),
    CHAT_PRESENCE_LEASE_SECONDS: positiveIntSetting(30),
    CHAT_MAX_WAIT_SECONDS: positiveIntSetting(600),
    CHAT_SWEEP_INTERVAL_MS: positiveIntSetting(2000),
    CHAT_TOKEN_RENEW_SECONDS: positiveIntSetting(60),
    CHAT_REQUIRE_SUPPORT_CONTRACT: booleanSetting(false),
    CHAT_BUSINESS_HOURS: z.string().default(''),
    CHAT_TIME_ZONE: z.string().default('UTC'),
    CHAT_HOLIDAYS: z.string().default(''),
  })
  .transform((env, context) => {
    let businessHours: BusinessHours;
    try {
      businessHours = parseBusinessHours({ schedule: env.CHAT_BUSINESS_HOURS, timeZone: env.CHAT_TIME_ZONE, holidays: env.CHAT_HOLIDAYS });
    } catch (error) {
      context.addIssue({ code: 'custom', message: `CHAT_BUSINESS_HOURS, CHAT_TIME_ZONE, CHAT_HOLIDAYS: ${(error as Error).message}`, input: env.CHAT_BUSINESS_HOURS });
      return z.NEVER;
    }
    return {
      ...toCommonConfig('chat', env),
      chat: {
        visitorTokenSecret: env.CHAT_VISITOR_TOKEN_SECRET,
        aiAgent: env.CHAT_AI_AGENT,
        preChatForm: env.CHAT_PRE_CHAT_FORM,
        requireSupportContract: env.CHAT_REQUIRE_SUPPORT_CONTRACT,
        businessHours,
        limits: {
          maxMessageChars: env.CHAT_MAX_MESSAGE_CHARS,
          messagesPerSecond: env.CHAT_MESSAGES_PER_SECOND,
          messageBurst: env.CHAT_MESSAGE_BURST,
          maxOpenConversations: env.CHAT_MAX_OPEN_CONVERSATIONS,
          maxConnectionsPerAddress: env.CHAT_MAX_CONNECTIONS_PER_ADDRESS,
          maxFilesPerMessage: env.CHAT_MAX_FILES_PER_MESSAGE,
          maxFilesTotalBytes: env.CHAT_MAX_FILES_TOTAL_BYTES,
        },
        queue: {
          agentGraceMs: env.CHAT_AGENT_GRACE_SECONDS * 1000,
          presenceLeaseMs: env.CHAT_PRESENCE_LEASE_SECONDS * 1000,
          maxWaitMs: env.CHAT_MAX_WAIT_SECONDS * 1000,
          sweepIntervalMs: env.CHAT_SWEEP_INTERVAL_MS,
        },
        tokenRenewMs: env.CHAT_TOKEN_RENEW_SECONDS * 1000,
      },
    };
  });

export type ChatConfig = z.output<typeof chatSettings>;
export type ChatSettings = ChatConfig['chat'];
export type ChatLimits = ChatSettings['limits'];

export function loadChatConfig(env: NodeJS.ProcessEnv = process.env): ChatConfig {
  return loadConfig(chatSettings, env);
}

/**
 * The largest JSON body the HTTP API reads: files travel base64-encoded (4 bytes for every 3), plus room for their
 * names, so an upload just over the limit still gets the clear refusal from the service.
 */
export function jsonBodyLimitBytes(config: ChatConfig): number {
  return Math.ceil(config.chat.limits.maxFilesTotalBytes / 3) * 4 + 64 * 1024;
}
