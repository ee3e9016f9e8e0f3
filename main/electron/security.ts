/**
 * Electron's security checklist, applied once at start-up to the session and to every web contents
 * (https://www.electronjs.org/docs/latest/tutorial/security). The page is local and trusted by us,
 * but it renders text from imported files (buyer names, addresses, remarks): treat it as untrusted.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { withCspHeader } from './csp.js';
import { isPermissionAllowed, isSafeExternalUrl } from './ipc-validation.js';

/** Must run before the app is ready: every renderer, even one we forgot to configure, is sandboxed. */
export function enableProcessSandbox(): void {
  app.enableSandbox();
}

export function hardenSession(ses: Session, appPageUrl: string): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appPageUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl, appPageUrl),
  );
  // USB, HID, serial, Bluetooth: nothing.
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  // Exports the page builds itself (a CSV of a VIP list) download from blob:/data: URLs through the
  // save dialog; the page must not make the app fetch files from elsewhere.
  ses.on('will-download', (event, item) => {
    if (!/^(blob|data):/.test(item.getURL())) event.preventDefault();
  });
  // file:// responses may bypass webRequest; renderer/index.html carries the same policy in a meta tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}

/** Applies to every web contents the app ever creates (window, devtools, anything a page tries). */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function hardenWebContents(contents: WebContents): void {
  // The page never navigates: routes are in-page. Dropping a file on the window would otherwise load
  // it as file://…/orders.csv in place of the app; the renderer uploads dropped files' bytes instead.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isSameDocument) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to a platform's seller centre or help pages open in the user's browser.
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenDefaultSession(appPageUrl: string): void {
  hardenSession(session.defaultSession, appPageUrl);
}
