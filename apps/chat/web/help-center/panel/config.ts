import { defaultConfig, PanelConfig, requestJson } from './api';

/**
 * The team's settings for the panel (`GET /help-center/config` on chat): appearance, links, features and where
 * identity and tickets answer. A deployment without it shows the panel with the defaults and chat's sections only.
 */
export async function loadPanelConfig(): Promise<PanelConfig> {
  const served = await requestJson<Partial<PanelConfig>>('config');
  return { ...defaultConfig, ...served };
}
