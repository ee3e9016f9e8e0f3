/**
 * The browser front door: the built renderer plus the same API over loopback HTTP.
 *   POST /rpc/<channel>  JSON input → {ok, result | error}
 *   GET  /events         server-sent progress events
 *   POST /upload?name=…  raw file bytes → {ok, result: StagedFile}
 *   GET  /download/<id>  a file the app made for the user (a backup), once
 * It binds 127.0.0.1 only. Because any web page the user visits could send requests to
 * 127.0.0.1, every POST needs the `X-Huike` header (a custom header forces a CORS preflight
 * that this server never approves) and the Host header must be our own (DNS rebinding).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { HuikeApp } from '../api/app-types.js';
import { CHANNELS, type Channel } from '../api/contract.js';
import { toErrorPayload, UserError } from '../api/errors.js';
import type { Message } from '../shared/messages/index.js';

const MAX_RPC_BODY = 1 << 20;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WebServerOptions {
  app: HuikeApp;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, error: unknown): void {
  const payload = toErrorPayload(error);
  if (payload.kind === 'internal') console.error(error);
  send(res, payload.kind === 'user' ? 400 : payload.kind === 'cancelled' ? 409 : 500, {
    ok: false,
    error: payload,
  });
}

/** A refusal of the server itself, in the same coded form as the app's errors. */
function refuse(res: http.ServerResponse, status: number, message: Message): void {
  send(res, status, { ok: false, error: toErrorPayload(new UserError(message)) });
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_RPC_BODY)
      throw new UserError({ code: 'http.bodyTooLarge', params: { max: MAX_RPC_BODY } });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch (error) {
    throw new UserError({ code: 'http.badJson', params: { detail: (error as Error).message } });
  }
}

/**
 * A download is named by an id only the page that asked for it knows (a random UUID), and served
 * once: a page elsewhere can neither guess it nor read the answer (no CORS headers).
 */
function sendDownload(app: HuikeApp, fileId: string, res: http.ServerResponse): void {
  app
    .takeDownload(fileId)
    .then((download) => {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(download.size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`,
        'cache-control': 'no-store',
      });
      download.stream.pipe(res);
      const finish = () => void download.done();
      res.once('close', finish);
    })
    .catch((error) => sendError(res, error));
}

export function createWebServer(options: WebServerOptions): http.Server {
  const { app } = options;
  const serveStatic = sirv(options.staticDir, {
    single: true,
    etag: true,
    setHeaders: (res) => res.setHeader('content-security-policy', CSP),
  });
  const server = http.createServer();
  const allowedHosts = () => {
    const port = (server.address() as AddressInfo).port;
    return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      refuse(res, 403, { code: 'http.forbiddenHost' });
      return;
    }
    if (req.method === 'POST' && req.headers['x-huike'] !== '1') {
      refuse(res, 403, { code: 'http.missingHeader' });
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      if (!CHANNELS.includes(channel as Channel)) {
        refuse(res, 404, { code: 'input.unknownChannel', params: { channel } });
        return;
      }
      readJson(req)
        .then((input) => app.invoke(channel as Channel, input))
        .then((result) => send(res, 200, { ok: true, result }))
        .catch((error) => sendError(res, error));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/upload') {
      const name = url.searchParams.get('name') ?? 'upload';
      app
        .stageBytes(name, req)
        .then((result) => send(res, 200, { ok: true, result }))
        .catch((error) => sendError(res, error));
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/download/')) {
      sendDownload(app, decodeURIComponent(url.pathname.slice('/download/'.length)), res);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const off = app.onProgress((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', off);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      serveStatic(req, res, () =>
        refuse(res, 404, { code: 'http.notFound', params: { path: url.pathname } }),
      );
      return;
    }
    refuse(res, 405, { code: 'http.methodNotAllowed' });
  });
  return server;
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
