import { mkdtempSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { createWebServer, listen } from '../../../main/web/server.js';
import { testApp } from '../../helpers/test-app.js';

let app: HuikeApp;
let server: http.Server;
let base: string;

beforeEach(async () => {
  app = await testApp();
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'huike-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>汇客</title>');
  server = createWebServer({ app, staticDir });
  const port = await listen(server, 0);
  base = `http://127.0.0.1:${port}`;
});
afterEach(async () => {
  server.close();
  await app.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = { 'X-Huike': '1' }) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('loopback web server', () => {
  it('answers RPC calls with the handlers’ results', async () => {
    const res = await post('/rpc/app.info', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      result: { version: '0.0.0-test', dbPath: ':memory:', hasData: false },
    });
  });

  it('turns user errors into 400 with the message, unknown channels into 404', async () => {
    const bad = await post('/rpc/imports.undo', { batchId: -1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { kind: string } }).error.kind).toBe('user');
    expect((await post('/rpc/no.such', {})).status).toBe(404);
  });

  it('refuses POSTs without the X-Huike header (another web page cannot call it)', async () => {
    const res = await post('/rpc/app.info', {}, {});
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${base}/rpc/app.info`,
        { method: 'POST', headers: { host: 'evil.example:80', 'x-huike': '1' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('stages uploaded bytes and serves the UI with a CSP', async () => {
    const up = await fetch(`${base}/upload?name=${encodeURIComponent('订单.csv')}`, {
      method: 'POST',
      headers: { 'X-Huike': '1' },
      body: 'a,b\n1,2\n',
    });
    const staged = (await up.json()) as { ok: boolean; result: { name: string; size: number } };
    expect(staged).toMatchObject({ ok: true, result: { name: '订单.csv', size: 8 } });
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('汇客');
  });

  it('hands a backup out as a download once, by the id only the asking page knows', async () => {
    const res = await post('/rpc/backup.create', {});
    const body = (await res.json()) as {
      result: { kind: string; fileId: string; name: string; size: number };
    };
    expect(body.result.kind).toBe('download');
    const download = await fetch(`${base}/download/${body.result.fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(body.result.name)}`,
    );
    expect(download.headers.get('access-control-allow-origin')).toBeNull();
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(body.result.size);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect((await fetch(`${base}/download/${body.result.fileId}`)).status).toBe(400);
    expect((await fetch(`${base}/download/not-an-id`)).status).toBe(400);
  });
});
