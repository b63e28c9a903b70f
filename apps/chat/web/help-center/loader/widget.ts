/**
 * The help center's loader, the one script a host page embeds:
 *
 *   <script src="https://chat.example.com/help-center/widget.js" async
 *           data-contact-token="…" data-language="fr"></script>
 *
 * Tiny and framework-free: it draws a launcher button in a shadow root (the page's styles cannot reach it and
 * its own cannot leak out), shows the unread announcements on it, and only when the visitor first opens it creates the
 * iframe with the panel (served by chat, so the panel's code never slows the host page). The host page may hand a
 * signed-in user's contact token through `data-contact-token` or `window.HelpgateHelpCenter.setContactToken(token)`.
 */
import { FrameMessage, readFrameMessage } from '../lib/frame-messages';
import { readableAccent } from '../lib/colors';
import { PanelLanguage, pickLanguage } from '../i18n/languages';

// The loader's own few words, so it never loads the panel's.
const labels: Record<PanelLanguage, { open: string; close: string; unread: string }> = {
  en: { open: 'Help', close: 'Close help', unread: 'unread announcements' },
  fr: { open: 'Aide', close: 'Fermer l’aide', unread: 'annonces non lues' },
  it: { open: 'Aiuto', close: 'Chiudi l’aiuto', unread: 'annunci non letti' },
};

const visitorIdKey = 'helpgate.visitorId';

/**
 * The team's colour and name, written into this file by chat as it serves it (apps/chat/src/help-center-web,
 * `withAppearance`), so they cost the host page no request: the literal below becomes the appearance's JSON. Read
 * from the built file as it is, the launcher keeps its own colour and words.
 */
function servedAppearance(): { accentColor?: unknown; teamName?: unknown } {
  try {
    return JSON.parse('__HELPGATE_APPEARANCE__') as { accentColor?: unknown; teamName?: unknown };
  } catch {
    return {};
  }
}

/** One id per browser and host site, which the panel uses for votes and read marks too. */
function visitorId(): string {
  try {
    const kept = localStorage.getItem(visitorIdKey);
    if (kept) return kept;
    const created = crypto.randomUUID();
    localStorage.setItem(visitorIdKey, created);
    return created;
  } catch {
    return crypto.randomUUID(); // storage blocked: a visitor for this page view
  }
}

const styles = `
:host { all: initial !important; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; width: 56px; height: 56px; border-radius: 50%;
  border: 0; background: var(--accent, #1f5fbf); color: #fff; font: 600 14px/1 system-ui, sans-serif; cursor: pointer;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:focus-visible { outline: 3px solid #111; outline-offset: 3px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 5px; box-sizing: border-box;
  border-radius: 10px; background: #b00020; color: #fff; font: 700 12px/20px system-ui, sans-serif; text-align: center; }
.badge[hidden] { display: none; }
.spoken { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.frame { position: fixed; right: 20px; bottom: 88px; z-index: 2147483647; width: 400px; height: min(640px, calc(100vh - 110px));
  border: 0; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3); background: #fff; }
.frame[hidden] { display: none; }
@media (max-width: 480px) {
  .frame { right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
}`;

function start(script: HTMLScriptElement): void {
  const panelUrl = new URL('panel', script.src);
  const chatOrigin = panelUrl.origin;
  const language = script.dataset.language ?? null;
  const readerLanguage = pickLanguage([language, ...navigator.languages]);
  const words = labels[readerLanguage];
  const appearance = servedAppearance();
  // "Help (Lumen Support)": the visible word first, as speech-input users say it, then whose help it is.
  const team = typeof appearance.teamName === 'string' ? ` (${appearance.teamName})` : '';
  const visitor = visitorId();
  let contactToken = script.dataset.contactToken ?? null;

  // A tag of its own, so a host page's rules for `div` and the like never match it.
  const host = document.createElement('helpgate-help-center');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-haspopup', 'dialog');
  // White words on it: darkened until they read at 4.5:1 where the team's colour is too light.
  if (typeof appearance.accentColor === 'string')
    launcher.style.setProperty('--accent', readableAccent(appearance.accentColor, ['#ffffff']));
  const text = document.createElement('span');
  text.textContent = words.open;
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  // Screen readers hear "Help (Lumen Support) 2 unread announcements": the visible word, whose help it is, then what
  // the badge's number means.
  const teamName = document.createElement('span');
  teamName.className = 'spoken';
  teamName.textContent = team;
  const unread = document.createElement('span');
  unread.className = 'spoken';
  launcher.append(text, teamName, badge, unread);
  shadow.append(style, launcher);
  document.body.append(host);

  let frame: HTMLIFrameElement | null = null;
  const post = (message: FrameMessage) => frame?.contentWindow?.postMessage(message, chatOrigin);
  const showUnread = (count: number) => {
    badge.hidden = count === 0;
    badge.textContent = count > 9 ? ' 9+' : ` ${count}`;
    unread.textContent = count > 0 ? ` ${words.unread}` : '';
  };
  showUnread(0);

  const setOpen = (open: boolean) => {
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.className = 'frame';
      frame.id = 'helpgate-help-center-panel';
      frame.title = `${words.open}${team}`;
      frame.src = panelUrl.href;
      frame.setAttribute('allow', 'clipboard-write');
      shadow.append(frame);
      launcher.setAttribute('aria-controls', frame.id);
    }
    if (!frame) return;
    frame.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    text.textContent = open ? '×' : words.open;
    if (open) launcher.setAttribute('aria-label', words.close);
    else launcher.removeAttribute('aria-label');
    if (open) frame.focus();
    else launcher.focus();
  };
  launcher.addEventListener('click', () => setOpen(frame === null || frame.hidden));

  window.addEventListener('message', (event) => {
    if (event.origin !== chatOrigin || !frame || event.source !== frame.contentWindow) return;
    const message = readFrameMessage(event.data);
    if (message?.type === 'helpgate:ready') post({ type: 'helpgate:init', visitorId: visitor, contactToken, language });
    else if (message?.type === 'helpgate:unread') showUnread(message.count);
    else if (message?.type === 'helpgate:close') setOpen(false);
  });

  // The badge before the panel exists: one small request, readable where chat allows this page's origin (CORS).
  const unreadUrl = new URL('announcements/unread', script.src);
  unreadUrl.search = new URLSearchParams({ visitorId: visitor, language: readerLanguage }).toString();
  fetch(unreadUrl, { credentials: 'omit' })
    .then((response) => (response.ok ? (response.json() as Promise<{ unread: number }>) : null))
    .then((body) => body && showUnread(body.unread))
    .catch(() => undefined); // no badge is better than an error in the host page's console

  Object.assign(window, {
    HelpgateHelpCenter: {
      open: () => setOpen(true),
      close: () => setOpen(false),
      setContactToken(token: string | null) {
        contactToken = token;
        post({ type: 'helpgate:contact-token', contactToken: token });
      },
    },
  });
}

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
}
