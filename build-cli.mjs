// Bundles the `huike` command and its parse worker with esbuild, as a packaged CLI would ship:
//   main/cli/cli-entry.ts                → out/cli/huike.mjs
//   main/services/import/parse-worker.ts → out/cli/parse-worker.mjs
// `npx huike` in a checkout runs the TypeScript sources through tsx instead (main/cli/bin.mjs); the
// benchmark measures this bundle, where start-up does not include compiling TypeScript.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // better-sqlite3 loads a native addon from node_modules.
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __huikeRequire } from 'node:module'; const require = __huikeRequire(import.meta.url);",
  },
};

export async function buildCli() {
  await rm(path.join(root, 'out/cli'), { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/cli/cli-entry.ts'],
      outfile: 'out/cli/huike.mjs',
      define: { __HUIKE_PARSE_WORKER__: JSON.stringify('./parse-worker.mjs') },
    }),
    build({
      ...common,
      entryPoints: ['main/services/import/parse-worker.ts'],
      outfile: 'out/cli/parse-worker.mjs',
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildCli();
  console.log(`out/cli/huike.mjs, out/cli/parse-worker.mjs built in ${Date.now() - started} ms`);
}
