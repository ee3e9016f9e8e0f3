import { mkdtempSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HuikeApp } from '../../../main/api/app-types.js';
import { openApp } from '../../../main/web/open-app.js';
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

  it('turns user errors into 400 with a message code the page words, unknown channels into 404', async () => {
    const bad = await post('/rpc/imports.undo', { batchId: -1 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { kind: 'user', code: 'input.invalid', params: { field: { code: 'field.batchId' } } },
    });
    const unknown = await post('/rpc/no.such', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'input.unknownChannel' } });
    const notJson = await fetch(`${base}/rpc/app.info`, {
      method: 'POST',
      headers: { 'X-Huike': '1' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { kind: 'user', code: 'http.badJson' } });
  });

  it('refuses POSTs without the X-Huike header (another web page cannot call it)', async () => {
    const res = await post('/rpc/app.info', {}, {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'http.missingHeader' } });
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

describe('starting the web server on a database it cannot open', () => {
  it('says so in one line naming the file, in the language asked for, and does not start', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huike-web-start-'));
    const notADb = path.join(dir, 'orders.xlsx');
    writeFileSync(notADb, 'PK this is not a database at all, whatever it is called'.repeat(10));
    const said: string[] = [];
    const fail = (message: string): never => {
      said.push(message);
      throw new Error('stopped');
    };
    await expect(openApp(notADb, 'en', fail)).rejects.toThrow('stopped');
    await expect(openApp(path.join(notADb, 'huike.db'), 'zh-CN', fail)).rejects.toThrow('stopped');
    expect(said).toEqual([
      expect.stringMatching(new RegExp(`^${escape(notADb)} is not a Huike database`)),
      expect.stringMatching(new RegExp(`^无法在 ${escape(notADb)} 中创建数据库`)),
    ]);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
