import { z } from 'zod';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  booleanSetting,
  commonSettingsShape,
  listSetting,
  loadConfig,
  optionalListSetting,
  originSetting,
  positiveIntSetting,
  toCommonConfig,
} from '@helpgate/config';
import { BusinessHoursError, BusinessHoursSpec, parseBusinessHours } from './business-hours/business-hours';

/** The base URL a service is reached at from outside, without a trailing slash. */
const publicUrlSetting = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((url) => url.replace(/\/+$/, ''));

const businessHoursSettings = {
  schedule: 'CHAT_BUSINESS_HOURS',
  timeZone: 'CHAT_TIME_ZONE',
  holidays: 'CHAT_HOLIDAYS',
} as const satisfies Record<keyof BusinessHoursSpec, string>;

/**
 * The AI agents chat can put first in a conversation: `builtin` answers from the knowledge base, `llm` has a language
 * model write the answer over the OpenAI-compatible chat-completions protocol; `none` sends every conversation
 * straight to the people.
 */
export const aiAgentKinds = ['none', 'builtin', 'llm'] as const;

const chatSettings = z
  .object({
    ...commonSettingsShape({ service: 'chat', httpPort: 3004 }),
    CHAT_BUSINESS_HOURS: z.string().default(''),
    CHAT_TIME_ZONE: z.string().default('UTC'),
    CHAT_HOLIDAYS: z.string().default(''),
    CHAT_ALLOWED_ORIGINS: optionalListSetting(originSetting),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    CHAT_VISITOR_TOKEN_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters: it signs the conversation tokens anonymous visitors keep')
      .default('helpgate-development-visitor-token-secret-change-me'),
    CHAT_AI_AGENT: z.enum(aiAgentKinds).default('none'),
    CHAT_AI_MAX_LOW_CONFIDENCE: positiveIntSetting(2),
    /** The base URL the OpenAI-compatible API is under (`…/v1`): `/chat/completions` is appended. */
    CHAT_LLM_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .transform((url) => url?.replace(/\/+$/, '')),
    CHAT_LLM_API_KEY: z.string().optional(),
    CHAT_LLM_MODEL: z.string().min(1).optional(),
    CHAT_LLM_TIMEOUT_MS: positiveIntSetting(20_000),
    CHAT_PRE_CHAT_FORM: booleanSetting(false),
    CHAT_REQUIRE_SUPPORT_CONTRACT: booleanSetting(false),
    CHAT_MAX_MESSAGE_CHARS: positiveIntSetting(4000),
    CHAT_MESSAGES_PER_SECOND: positiveIntSetting(5),
    CHAT_MESSAGE_BURST: positiveIntSetting(10),
    CHAT_MAX_OPEN_CONVERSATIONS: positiveIntSetting(3),
    CHAT_MAX_CONNECTIONS_PER_ADDRESS: positiveIntSetting(20),
    CHAT_MAX_FILES_PER_MESSAGE: positiveIntSetting(3),
    CHAT_MAX_FILE_BYTES: positiveIntSetting(10 * 1024 * 1024),
    CHAT_MAX_FILES_TOTAL_BYTES: positiveIntSetting(10 * 1024 * 1024),
    CHAT_AGENT_GRACE_SECONDS: positiveIntSetting(60),
    CHAT_PRESENCE_LEASE_SECONDS: positiveIntSetting(30),
    CHAT_MAX_WAIT_SECONDS: positiveIntSetting(600),
    CHAT_SWEEP_INTERVAL_MS: positiveIntSetting(2000),
    CHAT_TOKEN_RENEW_SECONDS: positiveIntSetting(60),
    CHAT_LOAD_DEMO_KNOWLEDGE_BASE: booleanSetting(true),
    CHAT_DEMO_KNOWLEDGE_BASE_DIR: z.string().min(1).default('apps/chat/demo/knowledge-base'),
    CHAT_LANGUAGES: listSetting(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as "en"'), 'en,fr,it,de,es'),
    /** Where people reach the chat service's API: the status feed links its items there. */
    CHAT_PUBLIC_URL: publicUrlSetting('http://127.0.0.1:3004'),
    CHAT_STATUS_RESOLVED_DAYS: positiveIntSetting(7),
    /** Where browsers reach identity's and tickets' APIs: the help-center panel calls them from chat's pages. */
    CHAT_PUBLIC_URL_IDENTITY: publicUrlSetting('http://127.0.0.1:3002'),
    CHAT_PUBLIC_URL_TICKETS: publicUrlSetting('http://127.0.0.1:3003'),
    /** Where browsers reach email-ingest's API: the console's quarantine and support-address pages call it. */
    CHAT_PUBLIC_URL_EMAIL_INGEST: publicUrlSetting('http://127.0.0.1:3001'),
    /** The help center's browser code as the build bundled it (scripts/build-web.mjs). */
    CHAT_WEB_DIR: z.string().min(1).default('dist/web/help-center'),
    CHAT_CONSOLE_WEB_DIR: z.string().min(1).default('dist/web/console'),
  })
  .transform((env, context) => {
    const defaultBusinessHours: BusinessHoursSpec = {
      schedule: env.CHAT_BUSINESS_HOURS,
      timeZone: env.CHAT_TIME_ZONE,
      holidays: env.CHAT_HOLIDAYS,
    };
    try {
      parseBusinessHours(defaultBusinessHours);
    } catch (error) {
      if (!(error instanceof BusinessHoursError)) throw error;
      const setting = businessHoursSettings[error.part];
      context.addIssue({ code: 'custom', path: [setting], message: error.message, input: env[setting] });
      return z.NEVER;
    }
    if (env.CHAT_AI_AGENT === 'llm') {
      for (const setting of ['CHAT_LLM_URL', 'CHAT_LLM_MODEL'] as const) {
        if (!env[setting])
          context.addIssue({ code: 'custom', path: [setting], message: 'is required with CHAT_AI_AGENT=llm', input: env[setting] });
      }
      if (!env.CHAT_LLM_URL || !env.CHAT_LLM_MODEL) return z.NEVER;
    }
    const demoFolder = resolve(env.CHAT_DEMO_KNOWLEDGE_BASE_DIR);
    if (env.CHAT_LOAD_DEMO_KNOWLEDGE_BASE && !existsSync(demoFolder)) {
      const message = `${demoFolder} does not exist: point it at the demo articles, or set CHAT_LOAD_DEMO_KNOWLEDGE_BASE=false`;
      context.addIssue({ code: 'custom', path: ['CHAT_DEMO_KNOWLEDGE_BASE_DIR'], message, input: env.CHAT_DEMO_KNOWLEDGE_BASE_DIR });
      return z.NEVER;
    }
    return {
      ...toCommonConfig('chat', env),
      /** Until an admin changes them through `PATCH /business-hours`, which chat keeps in its database. */
      defaultBusinessHours,
      sockets: {
        /** Empty: only pages served from the chat service's own host may connect (development). */
        allowedOrigins: env.CHAT_ALLOWED_ORIGINS,
        /** Set: instances share rooms through Redis; unset: through chat's own Postgres database. */
        redisUrl: env.REDIS_URL ?? null,
      },
      chat: {
        visitorTokenSecret: env.CHAT_VISITOR_TOKEN_SECRET,
        aiAgent: env.CHAT_AI_AGENT,
        ai: {
          /** Low-confidence answers in a row after which the AI agent hands over to the people. */
          maxLowConfidence: env.CHAT_AI_MAX_LOW_CONFIDENCE,
          /** The language model (`CHAT_AI_AGENT=llm`); the key is a secret, sent only to that URL. */
          llm:
            env.CHAT_LLM_URL && env.CHAT_LLM_MODEL
              ? {
                  url: env.CHAT_LLM_URL,
                  apiKey: env.CHAT_LLM_API_KEY ?? null,
                  model: env.CHAT_LLM_MODEL,
                  timeoutMs: env.CHAT_LLM_TIMEOUT_MS,
                }
              : null,
        },
        preChatForm: env.CHAT_PRE_CHAT_FORM,
        requireSupportContract: env.CHAT_REQUIRE_SUPPORT_CONTRACT,
        limits: {
          maxMessageChars: env.CHAT_MAX_MESSAGE_CHARS,
          messagesPerSecond: env.CHAT_MESSAGES_PER_SECOND,
          messageBurst: env.CHAT_MESSAGE_BURST,
          maxOpenConversations: env.CHAT_MAX_OPEN_CONVERSATIONS,
          maxConnectionsPerAddress: env.CHAT_MAX_CONNECTIONS_PER_ADDRESS,
          maxFilesPerMessage: env.CHAT_MAX_FILES_PER_MESSAGE,
          maxFileBytes: env.CHAT_MAX_FILE_BYTES,
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
      knowledgeBase: {
        loadDemo: env.CHAT_LOAD_DEMO_KNOWLEDGE_BASE,
        /** Relative to the working directory (the repository, or /app in the image). */
        demoFolder,
      },
      /** The languages the team enables: chat text is detected as one of them. */
      languages: env.CHAT_LANGUAGES,
      helpCenter: {
        /** The public base URLs the help-center panel calls; a logo URL must be on one of them. */
        publicUrls: { chat: env.CHAT_PUBLIC_URL, identity: env.CHAT_PUBLIC_URL_IDENTITY, tickets: env.CHAT_PUBLIC_URL_TICKETS },
        languages: env.CHAT_LANGUAGES,
        preChatForm: env.CHAT_PRE_CHAT_FORM,
      },
      helpCenterWeb: {
        /** Relative to the working directory, like the demo articles; read at the first request for it. */
        folder: resolve(env.CHAT_WEB_DIR),
        /** The sites whose pages may frame the panel (`frame-ancestors`); none: pages of chat's own host only. */
        embeddingOrigins: env.CHAT_ALLOWED_ORIGINS,
        /** identity's and tickets' public origins, which the panel's CSP lets it call. */
        apiOrigins: [new URL(env.CHAT_PUBLIC_URL_IDENTITY).origin, new URL(env.CHAT_PUBLIC_URL_TICKETS).origin],
      },
      consoleWeb: {
        folder: resolve(env.CHAT_CONSOLE_WEB_DIR),
        /** Where the page finds its files: under chat's public URL, whatever path chat is published at. */
        assetsPath: new URL('console/assets/', env.CHAT_PUBLIC_URL.endsWith('/') ? env.CHAT_PUBLIC_URL : `${env.CHAT_PUBLIC_URL}/`)
          .pathname,
        /** The services the console calls from the browser, which its CSP lets it reach. */
        apiOrigins: [env.CHAT_PUBLIC_URL_IDENTITY, env.CHAT_PUBLIC_URL_TICKETS, env.CHAT_PUBLIC_URL_EMAIL_INGEST].map(
          (url) => new URL(url).origin,
        ),
        /** Where the console calls each service; email-ingest's API is the console's alone (the panel never calls it). */
        publicUrls: {
          chat: env.CHAT_PUBLIC_URL,
          identity: env.CHAT_PUBLIC_URL_IDENTITY,
          tickets: env.CHAT_PUBLIC_URL_TICKETS,
          emailIngest: env.CHAT_PUBLIC_URL_EMAIL_INGEST,
        },
      },
      statusNotices: {
        publicUrl: env.CHAT_PUBLIC_URL,
        /** Resolved incidents stay on the status page and in the feed this many days. */
        resolvedShownDays: env.CHAT_STATUS_RESOLVED_DAYS,
      },
    };
  });

export type ChatConfig = z.output<typeof chatSettings>;
export type ChatSocketsConfig = ChatConfig['sockets'];
/** What the conversation features read (`CHAT_SETTINGS`): chat's own settings and the business hours' defaults. */
export type ChatSettings = ChatConfig['chat'] & Pick<ChatConfig, 'defaultBusinessHours'>;

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
