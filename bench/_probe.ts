import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadFileSchemaCheck, readFileShape, contentRefusal, unsafeToWrite } from '../src/main/exchange/read-file';
import { workerVerifier } from '../src/main/exchange/file-verifier';
const bytes = readFileSync(process.argv[2]!);
const check = await loadFileSchemaCheck();
const v = workerVerifier();
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  const p = v.start('x', bytes); const t1 = performance.now();
  const s = readFileShape('x', bytes, check); const t2 = performance.now();
  unsafeToWrite((s as any).value); const t3 = performance.now();
  p.wait(); const t4 = performance.now();
  contentRefusal('x', (s as any).value); const t5 = performance.now();
  console.log(JSON.stringify({ post: t1 - t, shape: t2 - t1, unsafe: t3 - t2, waitAfter: t4 - t3, total: t4 - t, contentInline: t5 - t4 }, (k, v) => typeof v === 'number' ? Math.round(v) : v));
}
await v.close();
