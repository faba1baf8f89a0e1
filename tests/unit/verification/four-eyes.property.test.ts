/**
 * Property: whatever a checker, a reviewer and an editor do in their own libraries and exchange
 * by file, every claim a fact sheet includes carries a valid Ed25519-signed approval of exactly
 * the content the library holds for it, by someone other than its checker, under the key that
 * person really owns; and no record a library held is lost unless someone deleted it.
 * The signature, hash and content checks below use node:crypto and the stored records directly,
 * not the product's verification code. Replay a failure with FC_SEED=<seed printed> (and FC_PATH).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FactSheetFormat } from '../../../src/shared/api/methods/export';
import { isNamedIn } from '../../../src/shared/person-name';
import { readSheet } from '../../../src/main/export/read-sheet';
import { type Annotated, annotate, b64, pack } from '../exchange/helpers';
import { type TempLibrary, tempLibrary } from '../helpers/temp-library';

const USERS = ['Ana Checker', 'Ben Reviewer', 'Eve Editor'] as const;
const FORMATS: Exclude<FactSheetFormat, 'pdf'>[] = ['html', 'md', 'csv', 'claimreview'];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta'];

type Lib = 0 | 1 | 2;
type Step =
  | { kind: 'claim'; lib: Lib; field: 'text' | 'explanation' | 'verdict' | 'date' | 'claimant'; pick: number }
  | { kind: 'evidence add' | 'evidence edit' | 'evidence delete'; lib: Lib; pick: number }
  | { kind: 'approve' | 'request changes' | 'back to review' | 'rename entity' | 'scale edit'; lib: Lib; pick: number }
  | { kind: 'exchange'; from: Lib; to: Lib; consent: boolean }
  | { kind: 'resolve'; lib: Lib; pick: number; choice: 'mine' | 'theirs' };

const lib = fc.constantFrom<Lib>(0, 1, 2);
const pick = fc.nat(7);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), lib, field: fc.constantFrom('text', 'explanation', 'verdict', 'date', 'claimant'), pick }),
  fc.record({ kind: fc.constantFrom('evidence add', 'evidence edit', 'evidence delete'), lib, pick }),
  fc.record({ kind: fc.constantFrom('approve', 'request changes', 'back to review', 'rename entity', 'scale edit'), lib, pick }),
  fc.record({ kind: fc.constant('exchange' as const), from: lib, to: lib, consent: fc.boolean() }),
  fc.record({ kind: fc.constant('exchange' as const), from: lib, to: lib, consent: fc.boolean() }),
  fc.record({ kind: fc.constant('resolve' as const), lib, pick, choice: fc.constantFrom('mine' as const, 'theirs' as const) })
);

/** Canonical JSON written here, not imported: object keys sorted, no whitespace. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v
  );
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The public half of the private key a user's own library keeps for them (keys/, named by a hash of the name). */
const ownPublicKey = (dir: string, userName: string) =>
  createPublicKey(readFileSync(join(dir, 'keys', `${sha256(userName).slice(0, 32)}.pem`), 'utf8'))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');

interface World {
  libs: TempLibrary[];
  ids: Annotated;
  /** Each user's public key as made in that user's own library. */
  keys: Map<string, string>;
  /** Record ids each library has held (claims, evidence, reviews). */
  held: Set<string>[];
  deleted: Set<string>;
}

let open: TempLibrary[] = [];
afterEach(() => {
  for (const l of open) l.close();
  open = [];
});

/** The three libraries after the checker shared a claim in review, set up once and copied for each sequence. */
interface Template {
  dirs: string[];
  ids: Annotated;
  keys: Map<string, string>;
}
let template: Template;

beforeAll(async () => {
  const libs = USERS.map((_, i) => tempLibrary(`factdesk-prop-${i}-`));
  const ids = await annotate(libs[0]!, undefined, USERS[0]);
  const keys = new Map<string, string>();
  for (const [i, l] of libs.entries()) {
    await l.call('settings.update', { userName: USERS[i]!, publishedBaseUrl: 'https://factcheck.example.org/sheets/' });
    const { fingerprint } = await l.call('keys.mine', {});
    const publicKey = ownPublicKey(l.dir, USERS[i]!);
    expect(createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex')).toBe(fingerprint);
    keys.set(USERS[i]!, publicKey);
  }
  for (const [i, l] of libs.entries()) {
    for (const [user, publicKey] of keys) if (user !== USERS[i]) await l.call('keys.trust', { userName: user, publicKey });
  }
  const file = b64((await pack(libs[0]!, ids.documentId)).content);
  for (const l of libs.slice(1)) await l.call('exchange.open', { fileName: 'shared.factdesk.json', dataBase64: file });
  for (const l of libs) l.db.close();
  template = { dirs: libs.map((l) => l.dir), ids, keys };
});
afterAll(() => {
  for (const dir of template?.dirs ?? []) rmSync(dir, { recursive: true, force: true });
});

async function world(): Promise<World> {
  // A later clock than the template's, so that every new record is newer than the copied ones.
  const libs = template.dirs.map((dir, i) => tempLibrary(`factdesk-prop-${i}-`, '2026-02-01T00:00:00.000Z', dir));
  open.push(...libs);
  const w: World = { libs, ids: template.ids, keys: template.keys, held: libs.map(() => new Set()), deleted: new Set() };
  for (const i of [0, 1, 2] as const) await checkKept(w, i);
  return w;
}

const view = (w: World, i: Lib) => w.libs[i]!.call('documents.get', { id: w.ids.documentId });
const nth = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];

/** Runs one step; refusals (a claim without verdict, an own claim, nothing to resolve) are part of the game. */
async function run(w: World, s: Step): Promise<Lib> {
  if (s.kind === 'exchange') {
    if (s.from === s.to) return s.to;
    // A library with open conflicts refuses to pack: that refusal is part of the game too.
    const packed = await w.libs[s.from]!.service.call('exchange.pack', { documentId: w.ids.documentId });
    if (!packed.ok) return s.from;
    const dataBase64 = b64((packed.value as { content: string }).content);
    await w.libs[s.to]!.service.call('exchange.open', { fileName: 'shared.factdesk.json', dataBase64, acceptLibraryChanges: s.consent });
    return s.to;
  }
  const l = w.libs[s.lib]!;
  const { claims, evidence, entities } = await view(w, s.lib);
  const claim = claims.find((c) => c.id === w.ids.claimId);
  const word = WORDS[s.pick % WORDS.length]!;
  const call = (method: string, input: unknown) => l.service.call(method as never, input as never);
  switch (s.kind) {
    case 'claim': {
      if (!claim) break;
      const change = {
        text: { text: `Claim ${word}` },
        explanation: { explanation: `Because ${word}.` },
        verdict: { verdictLabel: s.pick % 4 === 3 ? null : ['True', 'False', 'Mostly true'][s.pick % 3] },
        date: { claimDate: `2018-06-0${1 + (s.pick % 9)}` },
        claimant: { claimantId: s.pick % 2 ? null : (entities[0]?.id ?? null) }
      }[s.field];
      await call('claims.update', { id: claim.id, ...change });
      break;
    }
    case 'evidence add':
      await call('evidence.create', { claimId: w.ids.claimId, relation: 'supports', title: `Source ${word}` });
      break;
    case 'evidence edit': {
      const e = nth(evidence, s.pick);
      if (e) await call('evidence.update', { id: e.id, title: `Edited ${word}` });
      break;
    }
    case 'evidence delete': {
      const e = nth(evidence, s.pick);
      if (e && (await call('evidence.delete', { id: e.id })).ok) w.deleted.add(e.id);
      break;
    }
    case 'approve':
      // Now and then the checker confirms reviewing their own claim, which the sheets must then say.
      await call('reviews.create', { claimId: w.ids.claimId, decision: 'approve', comment: word, ...(s.pick === 0 && { confirmSelfReview: true }) });
      break;
    case 'request changes':
      await call('reviews.create', { claimId: w.ids.claimId, decision: s.kind, comment: word });
      break;
    case 'back to review':
      await call('claims.transition', { id: w.ids.claimId, to: s.pick % 2 ? 'in review' : 'researching' });
      break;
    case 'rename entity': {
      const entity = nth(entities, s.pick);
      if (entity) await call('entities.update', { id: entity.id, name: `${entity.name.split(' (')[0]} (${word})` });
      break;
    }
    case 'scale edit': {
      const scale = (await l.call('scales.list', {})).find((sc) => sc.id === 'default')!;
      const labels = scale.labels.map((x, i) => (i === s.pick % scale.labels.length ? { ...x, label: `${x.label.split(' ~')[0]} ~${word}` } : x));
      await call('scales.save', { id: scale.id, name: scale.name, labels });
      break;
    }
    case 'resolve': {
      const conflict = nth(await l.call('exchange.conflicts', { documentId: w.ids.documentId }), s.pick);
      if (conflict) await call('exchange.resolve', { conflictId: conflict.id, choice: s.choice });
      break;
    }
  }
  return s.lib;
}

/** Every claim on every format of the fact sheet has a valid signed approval of exactly what the library holds for it. */
async function checkSheets(w: World, i: Lib): Promise<number> {
  let included = 0;
  const l = w.libs[i]!;
  const { document, claims, evidence, entities } = await view(w, i);
  const knownEntities = new Map([...entities, ...(await l.call('entities.list', {}))].map((e) => [e.id, e]));
  for (const format of FORMATS) {
    const sheet = await l.call('export.factSheet', { documentId: w.ids.documentId, format });
    included += sheet.included;
    if (sheet.included === 0) continue;
    const manifest = await readSheet(Buffer.from(sheet.text!, 'utf8'));
    expect(manifest.claims.length, format).toBe(sheet.included);
    for (const entry of manifest.claims) {
      const approval = JSON.parse(Buffer.from(entry.approval ?? '', 'base64').toString('utf8') || 'null') as Record<string, unknown> | null;
      expect(approval, `${format}: claim ${entry.id} has no approval`).not.toBeNull();
      const { reviewer, at, comment, content, contentHash, publicKey, signature, selfReview } = approval as Record<string, string>;
      // Exactly what the library holds for the claim now.
      const claim = claims.find((c) => c.id === entry.id)!;
      expect(sha256(content!)).toBe(contentHash);
      const shown = JSON.parse(content!) as Record<string, unknown>;
      expect(canonical(shown)).toBe(content);
      const signed = canonical({ claimId: entry.id, decision: 'approve', comment, contentHash, reviewer, at, selfReview });
      const key = createPublicKey({ key: Buffer.from(publicKey!, 'base64'), format: 'der', type: 'spki' });
      expect(verify(null, Buffer.from(signed, 'utf8'), key, Buffer.from(signature!, 'base64')), `${format}: signature`).toBe(true);
      expect(publicKey, `${format}: ${reviewer} signs with their own key`).toBe(w.keys.get(reviewer!));
      // Everyone who changed what was approved is named as its checker; an approval by one of them is a self-review.
      expect(!isNamedIn(String(shown.checkedBy), reviewer!) || (selfReview as unknown) === true, `${format}: approved by its checker`).toBe(true);
      expect(String(shown.checkedBy).startsWith(claim.author), `${format}: the claim's checker comes first`).toBe(true);
      const claimant = claim.claimantId ? knownEntities.get(claim.claimantId) : undefined;
      expect(shown).toMatchObject({
        id: claim.id,
        articleSha256: document.sha256,
        text: claim.text,
        explanation: claim.explanation,
        claimDate: claim.claimDate || null,
        claimant: claimant ? { id: claimant.id, name: claimant.name, type: claimant.type } : null,
        verdict: claim.verdict ? { label: claim.verdict.label, scaleId: claim.verdict.scaleId, scaleVersion: claim.verdict.scaleVersion } : null,
        evidence: evidence.filter((e) => e.claimId === claim.id).map((e) => ({ id: e.id, title: e.title, url: e.url, relation: e.relation }))
      });
      if (format === 'md') expect(sheet.text).toContain(claim.explanation);
    }
  }
  return included;
}

/** Nothing a library held is gone unless someone deleted it, or it waits as a conflict or an orphan. */
async function checkKept(w: World, i: Lib) {
  const l = w.libs[i]!;
  const { claims, evidence, reviews, mentions } = await view(w, i);
  // A conflict may be about a mention or a library-wide entity: once settled, that record is kept there.
  const entities = await l.call('entities.list', {});
  const present = new Set([...claims, ...evidence, ...reviews, ...mentions, ...entities].map((r) => r.id));
  for (const c of await l.call('exchange.conflicts', { documentId: w.ids.documentId })) present.add(c.recordId);
  for (const o of await l.call('exchange.orphans', { documentId: w.ids.documentId })) present.add(o.id);
  const lost = [...w.held[i]!].filter((id) => !present.has(id) && !w.deleted.has(id));
  expect(lost, `${USERS[i]} lost records`).toEqual([]);
  for (const id of present) w.held[i]!.add(id);
}

describe('four eyes, across three libraries', () => {
  it('every claim any fact sheet includes is approved by another person, on exactly what the sheet shows', async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
    const runs = Number(process.env.FC_RUNS ?? 500);
    let sequencesWithSheets = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
        try {
          const w = await world();
          let sheets = 0;
          for (const s of steps) {
            const touched = await run(w, s);
            sheets += await checkSheets(w, touched);
            await checkKept(w, touched);
          }
          if (sheets > 0) sequencesWithSheets += 1;
        } finally {
          for (const l of open) l.close();
          open = [];
        }
      }),
      { numRuns: runs, ...(seed !== undefined && { seed, path: process.env.FC_PATH }), verbose: 1 }
    );
    // Not vacuous: a good share of the sequences put the claim on a fact sheet at some step.
    expect(sequencesWithSheets).toBeGreaterThan(runs / 10);
  }, 900_000);
});
