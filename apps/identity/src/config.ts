import { CommonConfig, commonServiceSettings, loadConfig } from '@helpgate/config';

export type IdentityConfig = CommonConfig;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(commonServiceSettings('identity', 3002), env);
}
