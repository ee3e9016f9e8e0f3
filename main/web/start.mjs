// Plain-JS entry so `node main/web/start.mjs` runs the TypeScript server without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./start.ts');
