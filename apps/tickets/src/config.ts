import { CommonConfig, commonServiceSettings, loadConfig } from '@helpgate/config';

export type TicketsConfig = CommonConfig;

export function loadTicketsConfig(env: NodeJS.ProcessEnv = process.env): TicketsConfig {
  return loadConfig(commonServiceSettings('tickets', 3003), env);
}
