import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withCspHeader } from '../../../main/electron/csp.js';

const expected =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

describe('Content-Security-Policy', () => {
  it('is the policy of the architecture', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(expected);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  it('replaces any policy a response carried, whatever its casing, and keeps other headers', () => {
    const headers = withCspHeader({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [expected] });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [expected] });
  });

  it('matches the meta tag of renderer/index.html', () => {
    const html = new URL('../../../renderer/index.html', import.meta.url);
    if (!existsSync(html)) return;
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(html, 'utf8'));
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});
