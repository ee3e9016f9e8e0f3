/** The `huike` command as one bundle (out/cli/huike.mjs, built by build-cli.mjs): no TypeScript at start-up. */
import { main } from './index.js';

process.exitCode = await main(process.argv);
