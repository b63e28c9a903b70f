import { testAuthEnv } from '../../../test/support/auth';
import { isOpenAt, parseBusinessHours } from './business-hours/business-hours';
import { loadChatConfig } from './config';

describe('loadChatConfig', () => {
  it('is open around the clock, same-host only and on Postgres when nothing is set', () => {
    const config = loadChatConfig(testAuthEnv);
    expect(config.http.port).toBe(3004);
    expect(config.database.name).toBe('helpgate_chat');
    expect(isOpenAt(parseBusinessHours(config.defaultBusinessHours), new Date('2026-01-11T03:00:00Z'))).toBe(true);
    expect(config.sockets).toEqual({ allowedOrigins: [], redisUrl: null });
  });

  it('reads business hours in their time zone with holidays', () => {
    const config = loadChatConfig({
      ...testAuthEnv,
      CHAT_BUSINESS_HOURS: 'mon-fri 09:00-17:00',
      CHAT_TIME_ZONE: 'Europe/Zurich',
      CHAT_HOLIDAYS: '2026-01-06',
    });
    const businessHours = parseBusinessHours(config.defaultBusinessHours);
    expect(businessHours.timeZone).toBe('Europe/Zurich');
    expect(isOpenAt(businessHours, new Date('2026-01-05T08:30:00Z'))).toBe(true);
    expect(isOpenAt(businessHours, new Date('2026-01-06T08:30:00Z'))).toBe(false);
  });

  it('names the business-hours setting that is wrong and the reason when they are wrong', () => {
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_BUSINESS_HOURS: 'weekdays 9-5' })).toThrow(
      /CHAT_BUSINESS_HOURS: business hours: "weekdays" in "weekdays 9-5" must be a day/,
    );
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_TIME_ZONE: 'Europe/Atlantis' })).toThrow(
      /CHAT_TIME_ZONE: .*"Europe\/Atlantis" is not an IANA time zone/,
    );
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_HOLIDAYS: '2026-13-01' })).toThrow(/CHAT_HOLIDAYS: .*holiday "2026-13-01"/);
  });

  it('reads the allowed origins and the Redis URL', () => {
    const config = loadChatConfig({
      ...testAuthEnv,
      CHAT_ALLOWED_ORIGINS: 'https://www.example.com, http://localhost:8080/',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.sockets).toEqual({
      allowedOrigins: ['https://www.example.com', 'http://localhost:8080'],
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it('refuses an origin with a path or another scheme, and a Redis URL that is not one', () => {
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_ALLOWED_ORIGINS: 'https://example.com/chat' })).toThrow(
      /CHAT_ALLOWED_ORIGINS.*"https:\/\/example.com\/chat" must be an origin/,
    );
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_ALLOWED_ORIGINS: 'example.com' })).toThrow(/must be an origin/);
    expect(() => loadChatConfig({ ...testAuthEnv, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('loadChatConfig: the AI agent', () => {
  it('requires the URL and model of the language model with CHAT_AI_AGENT=llm, and trims the URL', () => {
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_AI_AGENT: 'llm' })).toThrow(/CHAT_LLM_URL: is required with CHAT_AI_AGENT=llm/);
    const config = loadChatConfig({
      ...testAuthEnv,
      CHAT_AI_AGENT: 'llm',
      CHAT_LLM_URL: 'http://127.0.0.1:11434/v1/',
      CHAT_LLM_MODEL: 'llama3.1',
    });
    expect(config.chat.ai).toEqual({
      maxLowConfidence: 2,
      llm: { url: 'http://127.0.0.1:11434/v1', apiKey: null, model: 'llama3.1', timeoutMs: 20_000 },
    });
  });
});

describe('loadChatConfig: knowledge base and languages', () => {
  it('loads the demo articles from the repository folder and enables the sample languages by default', () => {
    const config = loadChatConfig(testAuthEnv);
    expect(config.knowledgeBase.loadDemo).toBe(true);
    expect(config.knowledgeBase.demoFolder).toMatch(/apps\/chat\/demo\/knowledge-base$/);
    expect(config.languages).toEqual(['en', 'fr', 'it', 'de', 'es']);
  });

  it('turns the demo load off and reads the enabled languages, refusing codes that are not ISO 639-1', () => {
    const config = loadChatConfig({ ...testAuthEnv, CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'false', CHAT_LANGUAGES: 'en, ja' });
    expect(config.knowledgeBase.loadDemo).toBe(false);
    expect(config.languages).toEqual(['en', 'ja']);
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_LANGUAGES: 'english' })).toThrow(/CHAT_LANGUAGES/);
  });

  it('refuses to start on a demo folder that does not exist, unless the demo load is off', () => {
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_DEMO_KNOWLEDGE_BASE_DIR: '/nowhere/kb' })).toThrow(
      /CHAT_DEMO_KNOWLEDGE_BASE_DIR: .*\/nowhere\/kb does not exist/,
    );
    expect(
      loadChatConfig({ ...testAuthEnv, CHAT_DEMO_KNOWLEDGE_BASE_DIR: '/nowhere/kb', CHAT_LOAD_DEMO_KNOWLEDGE_BASE: 'no' }).knowledgeBase
        .loadDemo,
    ).toBe(false);
  });
});

describe('loadChatConfig: status notices', () => {
  it('shows resolved incidents for a week and links the feed to the local chat service by default', () => {
    expect(loadChatConfig(testAuthEnv).statusNotices).toEqual({ publicUrl: 'http://127.0.0.1:3004', resolvedShownDays: 7 });
  });

  it('reads the public URL without its trailing slash and refuses a retention that is not a positive number of days', () => {
    const config = loadChatConfig({ ...testAuthEnv, CHAT_PUBLIC_URL: 'https://chat.example.com/', CHAT_STATUS_RESOLVED_DAYS: '14' });
    expect(config.statusNotices).toEqual({ publicUrl: 'https://chat.example.com', resolvedShownDays: 14 });
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_STATUS_RESOLVED_DAYS: '0' })).toThrow(/CHAT_STATUS_RESOLVED_DAYS/);
    expect(() => loadChatConfig({ ...testAuthEnv, CHAT_PUBLIC_URL: 'ftp://chat.example.com' })).toThrow(/CHAT_PUBLIC_URL/);
  });

  it('finds the console’s files under the path chat is published at, and lets the console call identity, tickets and email-ingest', () => {
    const published = loadChatConfig({
      ...testAuthEnv,
      CHAT_PUBLIC_URL: 'https://www.example.com/support',
      CHAT_PUBLIC_URL_IDENTITY: 'https://id.example.com/api',
      CHAT_PUBLIC_URL_TICKETS: 'https://tickets.example.com',
      CHAT_PUBLIC_URL_EMAIL_INGEST: 'https://mail.example.com',
    });
    expect(published.consoleWeb).toMatchObject({
      assetsPath: '/support/console/assets/',
      apiOrigins: ['https://id.example.com', 'https://tickets.example.com', 'https://mail.example.com'],
      publicUrls: { emailIngest: 'https://mail.example.com', identity: 'https://id.example.com/api' },
    });
    expect(loadChatConfig(testAuthEnv).consoleWeb.assetsPath).toBe('/console/assets/');
  });
});
