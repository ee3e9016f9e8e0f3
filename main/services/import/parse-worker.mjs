// Plain-JS entry of the parse worker when the app runs from its TypeScript sources (tests, the CLI
// and web server without a build): a worker thread has its own module loader, so tsx is registered
// here too. Bundled builds load the bundled parse-worker instead (see worker-jobs.ts).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
