import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/i18n';
import type { PanelConfig } from './api';

/** What identity answers a sign-in or a refresh with. */
export interface PortalSession {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
}

export type TabId = 'help' | 'chat' | 'ticket' | 'account';

/** What every view of the panel reads: words, settings, who the visitor is, and how to move between sections. */
export interface Panel {
  t: Translate;
  language: string;
  config: PanelConfig;
  /** The id the loader keeps for this browser (votes, read marks). */
  visitorId: string;
  /** identity's contact token: handed by the host page or from signing in here; null for an anonymous visitor. */
  contactToken: string | null;
  setContactToken(token: string | null): void;
  /** A sign-in through the panel: its access token is renewed with the refresh token before it expires. */
  signedIn(session: PortalSession): void;
  /** Ends the panel's sign-in at identity too (the refresh token stops working). */
  signOut(): void;
  goTo(tab: TabId): void;
  /** Opens a knowledge-base article inside the panel, from wherever it was linked. */
  openArticle(id: string): void;
  /** Opens one of the customer's tickets in the account section. */
  openTicket(id: string): void;
}

export const PanelContext = createContext<Panel | null>(null);

export function usePanel(): Panel {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error('usePanel outside the panel');
  return panel;
}
