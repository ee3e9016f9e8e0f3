/** `npm run web`: serves the app at http://127.0.0.1:PORT (default 5174) on the same database as the CLI. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { defaultDbPath } from '../services/app-paths.js';
import { isMessageLanguage } from '../shared/messages/index.js';
import { createWebServer, listen } from './server.js';
import { openApp } from './open-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'out/renderer');
if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.error('The UI is not built: run `npm run build:web` (or `npm run web`, which builds it) first.');
  process.exit(1);
}
const dbPath = process.env.HUIKE_DB || defaultDbPath();
const app = await openApp(
  dbPath,
  isMessageLanguage(process.env.HUIKE_LANG) ? process.env.HUIKE_LANG : 'zh-CN',
);
const server = createWebServer({ app, staticDir });
const wanted = Number(process.env.PORT ?? 5174);
const port = await listen(server, wanted).catch(async (error: NodeJS.ErrnoException) => {
  await app.close();
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${wanted} is in use (is Huike already running?). Start with another port: PORT=5175 npm run web`
      : `Cannot listen on 127.0.0.1:${wanted}: ${error.message}`,
  );
  process.exit(1);
});
console.log(`汇客 Huike is running at http://127.0.0.1:${port}/  (database: ${dbPath})`);

const stop = async () => {
  server.close();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
