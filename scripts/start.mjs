// `npm start`: local infrastructure if needed, a fresh build, then all four services as separate processes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureDevelopmentAuth } from './local-auth.mjs';
import { ensureKafka } from './local-kafka.mjs';
import { ensurePostgres, stopEmbeddedPostgres } from './local-postgres.mjs';

const require = createRequire(import.meta.url);
const { services, startService, waitUntilHealthy, repoRoot } = require('./lib/service-processes.cjs');

const defaultHttpPorts = { 'email-ingest': 3001, identity: 3002, tickets: 3003, chat: 3004 };
const envFile = path.join(repoRoot, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

/** `IDENTITY_HTTP_PORT=4002` sets HTTP_PORT for identity only; unprefixed settings apply to every service. */
function environmentFor(service, shared) {
  const prefix = `${service.toUpperCase().replace(/-/g, '_')}_`;
  const own = Object.fromEntries(
    Object.entries(process.env)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), value]),
  );
  return { ...process.env, ...shared, HTTP_PORT: String(defaultHttpPorts[service]), ...own };
}

const kafka = await ensureKafka();
const postgres = await ensurePostgres();
const auth = ensureDevelopmentAuth();
const authSettings = {
  AUTH_PUBLIC_KEYS_FILE: process.env.AUTH_PUBLIC_KEYS_FILE ?? auth.publicKeysFile,
  AUTH_PRIVATE_KEY_FILE: process.env.AUTH_PRIVATE_KEY_FILE ?? auth.privateKeyFile,
  IDENTITY_FIRST_ADMIN_EMAIL: process.env.IDENTITY_FIRST_ADMIN_EMAIL ?? auth.adminEmail,
  IDENTITY_FIRST_ADMIN_PASSWORD: process.env.IDENTITY_FIRST_ADMIN_PASSWORD ?? auth.adminPassword,
};
const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const localUrl = (service) => `http://127.0.0.1:${environmentFor(service, {}).HTTP_PORT}`;
const chatPort = environmentFor('chat', {}).HTTP_PORT;
// The help-center panel and the agent console are pages of chat that call identity, tickets and (the console alone)
// email-ingest from the browser: they allow chat's origins, chat tells the pages where they are, and identity sends
// invited agents to the console. Settings given in the environment win.
const chatOrigins = `http://127.0.0.1:${chatPort},http://localhost:${chatPort}`;
const panelSettings = {
  // Set-password and verify-email links open the panel's pages on chat, agents' the console's.
  identity: {
    HTTP_ALLOWED_ORIGINS: chatOrigins,
    IDENTITY_PORTAL_URL: `${localUrl('chat')}/help-center`,
    IDENTITY_CONSOLE_URL: `${localUrl('chat')}/console`,
  },
  tickets: { HTTP_ALLOWED_ORIGINS: chatOrigins },
  'email-ingest': { HTTP_ALLOWED_ORIGINS: chatOrigins },
  chat: {
    CHAT_PUBLIC_URL: localUrl('chat'),
    CHAT_PUBLIC_URL_IDENTITY: localUrl('identity'),
    CHAT_PUBLIC_URL_TICKETS: localUrl('tickets'),
    CHAT_PUBLIC_URL_EMAIL_INGEST: localUrl('email-ingest'),
  },
};
const unlessSet = (settings = {}) => Object.fromEntries(Object.entries(settings).filter(([name]) => !process.env[name]));
const running = services.map((service) => {
  const shared = { ...unlessSet(panelSettings[service]), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: postgres.url, ...authSettings };
  const env = environmentFor(service, shared);
  const process_ = startService(service, { env, onLine: (line) => console.log(line) });
  return { service, env, process: process_ };
});

let stopping = false;
async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  await Promise.all(running.map(({ process: service }) => service.stop()));
  await stopEmbeddedPostgres();
  process.exit(exitCode);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
for (const { service, process: child } of running) {
  child.exited.then((code) => {
    if (stopping) return;
    console.error(`${service} exited unexpectedly (${code}); stopping the others`);
    stopAll(1);
  });
}

try {
  await Promise.all(running.map(({ process: child, env }) => waitUntilHealthy(child, Number(env.HTTP_PORT))));
} catch (error) {
  console.error(error.message);
  await stopAll(1);
}

const smtpPort = running.find(({ service }) => service === 'email-ingest').env.SMTP_PORT ?? '2525';
const chatUrl = `http://127.0.0.1:${running.find(({ service }) => service === 'chat').env.HTTP_PORT}`;
console.error(
  [
    '',
    'Helpgate is running:',
    `  email-ingest  SMTP 127.0.0.1:${smtpPort}   HTTP http://127.0.0.1:${running[0].env.HTTP_PORT}`,
    ...running.slice(1).map(({ service, env }) => `  ${service.padEnd(12)}  HTTP http://127.0.0.1:${env.HTTP_PORT}`),
    `  Help center: the demo site ${chatUrl}/help-center/demo`,
    `    embed it with <script src="${chatUrl}/help-center/widget.js" async></script>; the panel alone: ${chatUrl}/help-center/panel`,
    `  Agent console ${chatUrl}/console`,
    `  Kafka ${kafka.brokers}   Postgres ${postgres.url.replace(/:[^:@/]*@/, ':***@')}`,
    `  First admin ${authSettings.IDENTITY_FIRST_ADMIN_EMAIL} (password in .infra/auth/first-admin-password unless IDENTITY_FIRST_ADMIN_PASSWORD is set):`,
    `    curl -s -X POST http://127.0.0.1:${running.find(({ service }) => service === 'identity').env.HTTP_PORT}/auth/agents/sign-in \\`,
    `      -H 'content-type: application/json' -d '{"email":"${authSettings.IDENTITY_FIRST_ADMIN_EMAIL}","password":"…"}'`,
    '  Ctrl-C stops the services (the Kafka broker keeps running: npm run kafka -- stop).',
    '',
  ].join('\n'),
);
