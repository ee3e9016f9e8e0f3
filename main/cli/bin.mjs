#!/usr/bin/env node
// The `huike` command. Plain JS so `npx huike` runs the TypeScript CLI without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./index.ts');
process.exitCode = await main(process.argv);
