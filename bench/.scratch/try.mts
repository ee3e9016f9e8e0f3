import { buildProfitDb } from '../profit/build-db.ts';
import { rmSync } from 'node:fs';
const n = Number(process.argv[2] ?? 100000);
const file = `/tmp/pb/p${n}.db`;
rmSync(file, { force: true }); rmSync(file + '-wal', { force: true }); rmSync(file + '-shm', { force: true });
console.log(await buildProfitDb(file, n, '/tmp/pb/stage'));
