import { z } from 'zod';
import { commonSettingsShape, loadConfig, toCommonConfig } from '@helpgate/config';

const chatSettings = z
  .object({ ...commonSettingsShape({ service: 'chat', httpPort: 3004 }) })
  .transform((env) => toCommonConfig('chat', env));

export type ChatConfig = z.output<typeof chatSettings>;

export function loadChatConfig(env: NodeJS.ProcessEnv = process.env): ChatConfig {
  return loadConfig(chatSettings, env);
}
