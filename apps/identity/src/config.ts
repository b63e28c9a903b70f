import { z } from 'zod';
import { commonSettingsShape, loadConfig, toCommonConfig } from '@helpgate/config';

const identitySettings = z
  .object({ ...commonSettingsShape({ service: 'identity', httpPort: 3002 }) })
  .transform((env) => toCommonConfig('identity', env));

export type IdentityConfig = z.output<typeof identitySettings>;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(identitySettings, env);
}
