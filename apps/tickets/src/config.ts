import { z } from 'zod';
import { commonSettingsShape, loadConfig, toCommonConfig } from '@helpgate/config';

const ticketsSettings = z
  .object({ ...commonSettingsShape({ service: 'tickets', httpPort: 3003 }) })
  .transform((env) => toCommonConfig('tickets', env));

export type TicketsConfig = z.output<typeof ticketsSettings>;

export function loadTicketsConfig(env: NodeJS.ProcessEnv = process.env): TicketsConfig {
  return loadConfig(ticketsSettings, env);
}
