import { CommonConfig, commonServiceSettings, loadConfig } from '@helpgate/config';

export type ChatConfig = CommonConfig;

export function loadChatConfig(env: NodeJS.ProcessEnv = process.env): ChatConfig {
  return loadConfig(commonServiceSettings('chat', 3004), env);
}
