import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../main/api/contract.js';
import {
  isAppPageUrl,
  isChannel,
  isPermissionAllowed,
  isSafeExternalUrl,
} from '../../../main/electron/ipc-validation.js';

const appPage =
  'file:///Applications/%E6%B1%87%E5%AE%A2%20Huike.app/Contents/Resources/app.asar/out/renderer/index.html';

describe('isChannel', () => {
  it.each(CHANNELS)('accepts %s', (channel) => expect(isChannel(channel)).toBe(true));
  it.each([['toString'], ['__proto__'], ['app.Info'], [''], [42], [null], [undefined], [{}]])(
    'refuses %j',
    (value) => expect(isChannel(value)).toBe(false),
  );
});

describe('isAppPageUrl', () => {
  it.each([
    ['the page itself', appPage, true],
    ['a hash route', `${appPage}#/customers?tab=vip`, true],
    ['a query string', `${appPage}?lang=en`, true],
    [
      'the same path spelled with raw characters',
      'file:///Applications/汇客 Huike.app/Contents/Resources/app.asar/out/renderer/index.html',
      true,
    ],
    ['another page of the app folder', appPage.replace('index.html', 'other.html'), false],
    ['a dropped file', 'file:///Users/me/Downloads/orders.csv', false],
    ['a path that only starts the same', `${appPage}.evil.html`, false],
    ['an https page', 'https://example.com/out/renderer/index.html', false],
    ['a file URL with a host', appPage.replace('file:///', 'file://evil/'), false],
    ['about:blank', 'about:blank', false],
    ['an empty URL (destroyed frame)', '', false],
    ['not a URL', 'index.html', false],
  ])('%s', (_name, url, expected) => expect(isAppPageUrl(url, appPage)).toBe(expected));

  it('treats Windows drive letters case-insensitively', () => {
    expect(
      isAppPageUrl(
        'file:///c:/Program%20Files/Huike/resources/app.asar/out/renderer/index.html',
        'file:///C:/Program%20Files/Huike/resources/app.asar/out/renderer/index.html',
      ),
    ).toBe(true);
  });

  it('matches what pathToFileURL produces for the page', () => {
    const page = pathToFileURL('/opt/汇客 Huike/resources/app.asar/out/renderer/index.html').href;
    expect(isAppPageUrl(`${page}#/`, page)).toBe(true);
  });

  it('refuses null and undefined', () => {
    expect(isAppPageUrl(null, appPage)).toBe(false);
    expect(isAppPageUrl(undefined, appPage)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://myseller.taobao.com/', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isSafeExternalUrl(url)).toBe(expected));
});

describe('isPermissionAllowed', () => {
  it('allows only clipboard writes from the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${appPage}#/vip`, appPage)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com', appPage)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, appPage)).toBe(false);
    for (const permission of [
      'clipboard-read',
      'notifications',
      'media',
      'geolocation',
      'openExternal',
      'fileSystem',
    ]) {
      expect(isPermissionAllowed(permission, appPage, appPage)).toBe(false);
    }
  });
});
