import { defaultConfig, PanelConfig, requestJson } from './api';

/** What chat answers at `GET /help-center/config` (apps/chat/src/help-center/help-center.dto.ts). */
interface ServedConfig {
  teamName: string;
  accentColor: string;
  greetings: Record<string, string>;
  logoUrl: string | null;
  links: { title: string; url: string }[];
  features: { contactCustomerSuccess: boolean; preChatForm: boolean };
  services: { chat: string; identity: string; tickets: string };
}

/**
 * The team's settings for the panel: appearance, links, features and where identity and tickets answer. Until it
 * arrives (or where it fails) the panel shows the defaults and chat's own sections.
 */
export async function loadPanelConfig(): Promise<PanelConfig> {
  const served = await requestJson<ServedConfig>('config');
  return {
    ...defaultConfig,
    teamName: served.teamName,
    accentColor: served.accentColor,
    greeting: served.greetings,
    logoUrl: served.logoUrl,
    links: served.links,
    customerSuccessForm: served.features.contactCustomerSuccess,
    preChatForm: served.features.preChatForm,
    identityUrl: served.services.identity,
    ticketsUrl: served.services.tickets,
  };
}
