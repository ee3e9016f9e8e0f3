/**
 * Checks on everything that arrives over IPC. Kept free of Electron so the unit tests run in Node.
 * The renderer is treated as untrusted: a compromised page must not reach a handler from another
 * origin or frame, nor pass arguments of an unexpected type.
 */
import { CHANNELS, type Channel } from '../api/channels.js';

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}

/**
 * True when `frameUrl` is the app's own page. Hash routes and query strings are allowed (the
 * renderer may route with `#/customers`); anything else, another file:// page included, is not.
 */
export function isAppPageUrl(frameUrl: string | undefined | null, appPageUrl: string): boolean {
  if (!frameUrl) return false;
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(frameUrl);
    expected = new URL(appPageUrl);
  } catch {
    return false;
  }
  return (
    actual.protocol === expected.protocol &&
    actual.host === expected.host &&
    // Windows drive letters may come back in a different case from Chromium than from Node.
    normalisePathname(actual.pathname, actual.protocol) ===
      normalisePathname(expected.pathname, expected.protocol)
  );
}

function normalisePathname(pathname: string, protocol: string): string {
  const decoded = safeDecode(pathname);
  return protocol === 'file:' && /^\/[A-Za-z]:\//.test(decoded) ? decoded.toLowerCase() : decoded;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Only web links leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The one permission the page gets: writing plain text to the clipboard ("copy order ids" buttons);
 * camera, notifications, geolocation, reading the clipboard etc. are all refused.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  appPageUrl: string,
): boolean {
  return permission === 'clipboard-sanitized-write' && isAppPageUrl(requestingUrl, appPageUrl);
}
