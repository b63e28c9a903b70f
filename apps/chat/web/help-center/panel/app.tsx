import { useEffect, useMemo, useState } from 'preact/hooks';
import { pickLanguage, translator } from '../i18n/i18n';
import { readableAccent } from '../lib/colors';
import { FrameMessage, readFrameMessage } from '../lib/frame-messages';
import { AccountView } from './account/account-view';
import { refreshDelayMs } from '../lib/refresh';
import { defaultConfig, PanelConfig, requestJson } from './api';
import { ChatView } from './chat/chat-view';
import { loadPanelConfig } from './config';
import { Panel, PanelContext, PortalSession, TabId } from './context';
import { HelpView } from './help/help-view';
import { TicketFormView } from './ticket/ticket-form-view';

const tabs: TabId[] = ['help', 'chat', 'ticket', 'account'];
const tabKey = { help: 'tabs.help', chat: 'tabs.chat', ticket: 'tabs.ticket', account: 'tabs.account' } as const;
const contactTokenKey = 'helpgate.contactToken';
const sessionKey = 'helpgate.portalSession';
const standaloneVisitorKey = 'helpgate.visitorId';

/** Messages to the loader, when the panel runs in its iframe. */
function toLoader(message: FrameMessage): void {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

/** The panel's own sign-in, kept for this tab (sessionStorage) so a reload stays signed in. */
function readSession(): PortalSession | null {
  const kept = sessionStorage.getItem(sessionKey);
  return kept ? (JSON.parse(kept) as PortalSession) : null;
}

function keepSession(session: PortalSession | null): void {
  if (session) sessionStorage.setItem(sessionKey, JSON.stringify(session));
  else sessionStorage.removeItem(sessionKey);
}

/** Opened without a loader (a set-password link, or the page itself): the panel keeps its own visitor id. */
function standaloneVisitorId(): string {
  const kept = localStorage.getItem(standaloneVisitorKey);
  if (kept) return kept;
  const created = crypto.randomUUID();
  localStorage.setItem(standaloneVisitorKey, created);
  return created;
}

interface Start {
  visitorId: string;
  language: string | null;
  contactToken: string | null;
}

/** In an iframe, waits for the loader's `init`; opened on its own, starts at once. */
function useStart(): Start | null {
  const [start, setStart] = useState<Start | null>(() =>
    window.parent === window
      ? { visitorId: standaloneVisitorId(), language: null, contactToken: sessionStorage.getItem(contactTokenKey) }
      : null,
  );
  useEffect(() => {
    if (window.parent === window) return;
    const listen = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const message = readFrameMessage(event.data);
      if (message?.type === 'helpgate:init') {
        setStart({
          visitorId: message.visitorId,
          language: message.language,
          contactToken: message.contactToken ?? sessionStorage.getItem(contactTokenKey),
        });
      }
    };
    window.addEventListener('message', listen);
    toLoader({ type: 'helpgate:ready' });
    return () => window.removeEventListener('message', listen);
  }, []);
  return start;
}

export function App() {
  const start = useStart();
  const [config, setConfig] = useState<PanelConfig>(defaultConfig);
  const [tab, setTab] = useState<TabId>(() => (/\/(set-password|verify-email)$/.test(location.pathname) ? 'account' : 'help'));
  const [contactToken, setContactToken] = useState<string | null>(null);
  const [session, setSession] = useState<PortalSession | null>(() => readSession());
  const [article, setArticle] = useState<string | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);

  useEffect(() => {
    loadPanelConfig().then(setConfig, () => undefined);
  }, []);
  useEffect(() => {
    if (start) setContactToken(start.contactToken);
    const listen = (event: MessageEvent) => {
      const message = event.source === window.parent ? readFrameMessage(event.data) : null;
      if (message?.type === 'helpgate:contact-token') setContactToken(message.contactToken);
    };
    window.addEventListener('message', listen);
    return () => window.removeEventListener('message', listen);
  }, [start]);
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') toLoader({ type: 'helpgate:close' });
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, []);

  // A sign-in through the panel lasts: its access token is renewed a minute before it expires, while the panel is open.
  useEffect(() => {
    if (!session || !config.identityUrl) return;
    const timer = window.setTimeout(
      () => {
        requestJson<PortalSession>(`${config.identityUrl}/auth/refresh`, {
          method: 'POST',
          body: { refreshToken: session.refreshToken },
        }).then(
          (renewed) => {
            keepSession(renewed);
            setSession(renewed);
            setContactToken(renewed.accessToken);
          },
          () => {
            keepSession(null);
            setSession(null);
            setContactToken(null);
          },
        );
      },
      refreshDelayMs(session.expiresAt, Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [session, config.identityUrl]);

  const language = pickLanguage([start?.language, ...navigator.languages]);
  /** The token the panel calls with, kept for this tab so a reload keeps it. */
  const changeContactToken = (token: string | null) => {
    if (token) sessionStorage.setItem(contactTokenKey, token);
    else sessionStorage.removeItem(contactTokenKey);
    setContactToken(token);
  };
  const panel = useMemo<Panel | null>(
    () =>
      start && {
        t: translator(language),
        language,
        config,
        visitorId: start.visitorId,
        contactToken,
        setContactToken: changeContactToken,
        signedIn(signedInSession) {
          keepSession(signedInSession);
          setSession(signedInSession);
          changeContactToken(signedInSession.accessToken);
        },
        signOut() {
          if (session && config.identityUrl) {
            requestJson(`${config.identityUrl}/auth/sign-out`, { method: 'POST', body: { refreshToken: session.refreshToken } }).catch(
              () => undefined,
            );
          }
          keepSession(null);
          setSession(null);
          changeContactToken(null);
        },
        goTo: setTab,
        openArticle(id) {
          setArticle(id);
          setTab('help');
        },
        openTicket(id) {
          setTicket(id);
          setTab('account');
        },
      },
    [start, language, config, contactToken, session],
  );
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.setProperty('--accent', readableAccent(config.accentColor));
  }, [language, config.accentColor]);

  if (!panel) return null;
  const { t } = panel;
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <PanelContext.Provider value={panel}>
      <div class="panel">
        <header class="header">
          {config.logoUrl && <img class="logo" src={config.logoUrl} alt="" />}
          <h1 class="team">{config.teamName}</h1>
          {window.parent !== window && (
            <button type="button" class="close" aria-label={t('panel.close')} onClick={() => toLoader({ type: 'helpgate:close' })}>
              ×
            </button>
          )}
        </header>
        <nav role="tablist" aria-label={t('tabs.label')} class="tabs" onKeyDown={onTabKey}>
          {tabs.map((id) => (
            <button
              type="button"
              role="tab"
              id={`tab-${id}`}
              key={id}
              aria-selected={tab === id}
              aria-controls={`section-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {t(tabKey[id])}
            </button>
          ))}
        </nav>
        <main class="content">
          <div role="tabpanel" id={`section-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'help' && (
              <HelpView article={article} onArticle={setArticle} onUnread={(count) => toLoader({ type: 'helpgate:unread', count })} />
            )}
            {/* The chat stays mounted while another section shows, so its connection and draft survive a detour. */}
            <div hidden={tab !== 'chat'}>
              <ChatView active={tab === 'chat'} />
            </div>
            {tab === 'ticket' && <TicketFormView />}
            {tab === 'account' && <AccountView ticketId={ticket} onTicket={setTicket} />}
          </div>
        </main>
      </div>
    </PanelContext.Provider>
  );
}
