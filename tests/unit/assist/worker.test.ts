import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/main/assist/analyse';
import { createWorkerPool } from '../../../src/main/assist/worker-pool';
import { SAMPLE_FILE } from '../helpers/temp-library';

const SAMPLE = readFileSync(SAMPLE_FILE, 'utf8');
const pool = createWorkerPool({ size: 2 });
afterAll(() => pool.close());

// Starting a worker loads tsx and the language models: seconds on a busy machine.
describe('the assist worker pool', { timeout: 60_000 }, () => {
  it('gives exactly the in-thread result, with the work split across two worker threads', async () => {
    // Long enough for several chunks, so both workers get a share.
    const text = Array.from({ length: 8 }, () => SAMPLE).join('\n\n');
    const request = { text, knowledge: [{ text: 'Kardashian West', type: 'person', entityId: 'e1', entityName: 'Kim Kardashian West' }], claims: true };
    const [inWorkers, inThread] = [await pool.analyse(request), analyseText(request)];
    expect(inWorkers).toEqual(inThread);
    expect(inWorkers.entities.length).toBeGreaterThan(8 * 50);
    expect(inWorkers.claims.length).toBeGreaterThan(8 * 10);
    expect(inWorkers.entities.filter((e) => e.entityId === 'e1')).toHaveLength(8 * (SAMPLE.match(/Kardashian West/g)!.length));
  });

  it('answers concurrent requests each with its own result', async () => {
    const texts = ['Jared Kushner met Trump in Washington on Monday.', 'The IMF said inflation reached 68.4% in 2014.', SAMPLE];
    const results = await Promise.all(texts.map((text) => pool.analyse({ text, knowledge: [], claims: false })));
    results.forEach((result, i) => expect(result).toEqual(analyseText({ text: texts[i]!, knowledge: [], claims: false })));
    expect(results[0]!.entities.map((e) => texts[0]!.slice(e.start, e.end))).toEqual(expect.arrayContaining(['Jared Kushner', 'Washington']));
  });

  it('stops a task that runs too long, replaces its worker, and refuses work once closed', async () => {
    const impatient = createWorkerPool({ size: 1, taskTimeoutMs: 50 });
    await expect(impatient.analyse({ text: SAMPLE, knowledge: [], claims: false })).rejects.toThrow(/took longer than 0.05 s/);
    await impatient.close();

    const small = createWorkerPool({ size: 1, idleMs: 10 });
    expect((await small.analyse({ text: 'A short text about Paris.', knowledge: [], claims: false })).entities).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The idle worker has ended; the next request starts a new one.
    expect((await small.analyse({ text: 'Jared Kushner spoke.', knowledge: [], claims: false })).entities).toHaveLength(1);
    await small.close();
    await expect(small.analyse({ text: 'Again.', knowledge: [], claims: false })).rejects.toThrow(/closed/);
  });
});
