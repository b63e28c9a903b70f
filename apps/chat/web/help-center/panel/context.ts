import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/i18n';
import type { PanelConfig } from './api';

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
