/**
 * Finding the server: the studio served by `pnpm serve` is opened with `?token=…`; the token is
 * kept for the tab (sessionStorage) and taken out of the address bar. A studio served elsewhere
 * connects with a URL and a token typed in.
 */
import { callApi, type ServerConnection, type ServerInfo } from './serverApi';

const KEY = 'unet-studio-server';

/** Reads (and removes) `?token=` from the address; stores the same-origin connection. */
export function connectionFromLocation(): ServerConnection | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token !== null && /^[A-Za-z0-9_-]{8,200}$/.test(token)) {
    const connection = { origin: url.origin, token };
    saveConnection(connection);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.toString());
    return connection;
  }
  return storedConnection();
}

/** The connection kept for this tab, if any. */
export function storedConnection(): ServerConnection | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<ServerConnection>) : null;
    return typeof parsed?.origin === 'string' && typeof parsed.token === 'string'
      ? { origin: parsed.origin, token: parsed.token }
      : null;
  } catch {
    return null;
  }
}

/** Keeps a connection for this tab. */
export function saveConnection(connection: ServerConnection): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(connection));
  } catch {
    // Storage may be disabled; the connection then lasts until reload.
  }
}

/**
 * Parses what the user typed: a URL as the server printed it (token in the query), or a URL and
 * a separate token.
 */
export function parseConnection(urlText: string, tokenText: string): ServerConnection | string {
  let url: URL;
  try {
    url = new URL(urlText.trim());
  } catch {
    return 'Give the server address, e.g. http://127.0.0.1:8765/?token=…';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The address must be http(s).';
  const token = tokenText.trim() || url.searchParams.get('token') || '';
  if (token === '') return 'The token is missing (it is in the URL the server printed).';
  return { origin: url.origin, token };
}

const TARGET_KEY = 'unet-studio-train-target';

/** Whether this tab last chose to train on the server (kept across remounts of the panel). */
export function storedServerChoice(): boolean {
  try {
    return window.sessionStorage.getItem(TARGET_KEY) === 'server';
  } catch {
    return false;
  }
}

/** Keeps the tab's choice of where to train. */
export function saveServerChoice(server: boolean): void {
  try {
    window.sessionStorage.setItem(TARGET_KEY, server ? 'server' : 'browser');
  } catch {
    // Storage may be disabled; the choice then lasts while the panel is shown.
  }
}

/** Asks the server what it trains on; throws when it cannot be reached or refuses the token. */
export function fetchServerInfo(connection: ServerConnection): Promise<ServerInfo> {
  return callApi<ServerInfo>(connection, 'GET', '/info');
}
