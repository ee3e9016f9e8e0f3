// Bundles the Electron main process, its parse worker and the preload with esbuild:
//   main/electron/main.ts                → out/electron/main.cjs          (electron and better-sqlite3 stay external)
//   main/services/import/parse-worker.ts → out/electron/parse-worker.cjs  (worker thread of the main process)
//   preload/index.ts                     → out/electron/preload.cjs       (sandboxed: only 'electron' required)
// The sources are ESM; CommonJS output is what Electron loads most simply (and what a sandboxed preload must be).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(root, 'out', 'electron');

/** Options shared by both bundles; exported so a check can bundle the same way (see the report). */
export function electronBuildOptions() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
  const nodeSide = {
    // better-sqlite3 loads a native addon and is rebuilt for Electron (npm run rebuild:electron).
    external: ['electron', 'better-sqlite3'],
    // ESM sources use import.meta.url (createRequire in db/open-sqlite.ts); CJS has no import.meta.
    define: { 'import.meta.url': '__huike_import_meta_url' },
    banner: { js: "const __huike_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  };
  return {
    main: {
      ...common,
      ...nodeSide,
      entryPoints: ['main/electron/main.ts'],
      outfile: 'out/electron/main.cjs',
      define: { ...nodeSide.define, __HUIKE_PARSE_WORKER__: JSON.stringify('./parse-worker.cjs') },
    },
    worker: {
      ...common,
      ...nodeSide,
      entryPoints: ['main/services/import/parse-worker.ts'],
      outfile: 'out/electron/parse-worker.cjs',
    },
    preload: {
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: 'out/electron/preload.cjs',
      external: ['electron'],
    },
  };
}

/** A sandboxed preload can require only a few modules: anything but 'electron' would fail at run time. */
function assertPreloadImportsOnlyElectron(metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const extra = output.imports.filter((i) => i.external && i.path !== 'electron').map((i) => i.path);
    if (extra.length > 0)
      throw new Error(
        `${file} requires ${extra.join(', ')}: a sandboxed preload may require 'electron' only.`,
      );
  }
}

export async function buildElectron({ plugins = [] } = {}) {
  const options = electronBuildOptions();
  await rm(outDir, { recursive: true, force: true });
  const [main, worker, preload] = await Promise.all([
    build({ ...options.main, plugins }),
    build({ ...options.worker, plugins }),
    build({ ...options.preload, plugins }),
  ]);
  assertPreloadImportsOnlyElectron(preload.metafile);
  return { main, worker, preload };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const { main, worker, preload } = await buildElectron();
    const size = (m) =>
      Object.entries(m.outputs)
        .filter(([f]) => !f.endsWith('.map'))
        .map(([f, o]) => `${f} ${(o.bytes / 1024).toFixed(0)} KiB`);
    console.log(
      [...size(main.metafile), ...size(worker.metafile), ...size(preload.metafile)].join('\n') +
        `\nbuilt in ${Date.now() - started} ms`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
