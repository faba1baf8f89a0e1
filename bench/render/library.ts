/**
 * Builds the benchmark library through the real API service (every annotation is an API call,
 * stored with its history row, exactly as the app stores it): articles with mentions, entities and
 * claims, and one left unmarked; plus the spans the browser will label.
 */
import { performance } from 'node:perf_hooks';
import { createService } from '../../src/main/api/service';
import { openLibrary } from '../../src/main/store/open';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/result';

export interface Span {
  start: number;
  end: number;
}

export interface Plan {
  mentions: (Span & { type: string; word: string })[];
  claims: Span[];
  /** Unmarked words, spread over the article, for the label-keystroke measurement. */
  targets: (Span & { word: string })[];
}

export interface Article {
  fileName: string;
  text: string;
  /** What to mark in it; null leaves it unmarked. */
  plan: Plan | null;
}

export interface BuiltArticle {
  id: string;
  entities: number;
  /** documents.get of the article, called in-process (no HTTP). */
  serviceGet: { ms: number; jsonBytes: number };
}

export interface BuiltLibrary {
  articles: BuiltArticle[];
  setupSeconds: number;
}

const NAME_TYPES = ['person', 'location', 'organization', 'work'];
const WORD_TYPES = ['other', 'event', 'number', 'date'];
/** A capitalised word marked this often gets an entity, and its mentions link to it. */
const ENTITY_MIN_MENTIONS = 5;

const hash = (word: string) => [...word].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Deterministic spans over `text`, which starts with `skip` characters (the title line) that are left alone. */
export function planAnnotations(text: string, skip: number, counts: { mentions: number; claims: number; targets: number }): Plan {
  const words = [...text.matchAll(/[A-Za-z]{3,}/g)]
    .filter((m) => m.index >= skip)
    .map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const every = Math.floor(words.length / counts.mentions);
  if (every < 2) throw new Error(`The article has ${words.length} words: too few for ${counts.mentions} mentions.`);
  const mentions = Array.from({ length: counts.mentions }, (_, i) => {
    const word = words[i * every];
    const types = /^[A-Z]/.test(word.word) ? NAME_TYPES : WORD_TYPES;
    return { ...word, type: types[hash(word.word.toLowerCase()) % types.length] };
  });
  // Targets sit between two marked words, so they are never marked themselves.
  const step = Math.floor(counts.mentions / counts.targets);
  if (counts.targets > 0 && step < 1) {
    throw new Error(
      `The largest article has ${counts.mentions} mentions, fewer than the ${counts.targets} labelling operations: ` +
        'add a larger size to BENCH_SIZES or lower BENCH_OPERATIONS.'
    );
  }
  const targets = Array.from({ length: counts.targets }, (_, i) => words[i * step * every + Math.floor(every / 2)]);

  const sentences = [...text.matchAll(/[A-Z][^.!?\n]{30,400}[.!?]/g)]
    .filter((m) => m.index >= skip)
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (sentences.length < counts.claims) throw new Error(`Only ${sentences.length} sentences for ${counts.claims} claims.`);
  const claimStep = sentences.length / counts.claims;
  const claims = Array.from({ length: counts.claims }, (_, i) => sentences[Math.floor(i * claimStep)]);
  return { mentions, claims, targets };
}

export async function buildLibrary(dataDir: string, articles: Article[]): Promise<BuiltLibrary> {
  const started = performance.now();
  const db = openLibrary(dataDir);
  const service = createService({ db, mode: 'cli', version: 'bench' });
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = (await service.call(method, input)) as Result<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  }

  async function mark(documentId: string, plan: Plan): Promise<number> {
    const counts = new Map<string, number>();
    for (const m of plan.mentions) if (/^[A-Z]/.test(m.word)) counts.set(m.word, (counts.get(m.word) ?? 0) + 1);
    const entityIds = new Map<string, string>();
    for (const m of plan.mentions) {
      if ((counts.get(m.word) ?? 0) < ENTITY_MIN_MENTIONS || entityIds.has(m.word)) continue;
      const created = await call('entities.create', { documentId, name: m.word, type: m.type });
      entityIds.set(m.word, created.createdId!);
    }
    for (const m of plan.mentions) {
      await call('mentions.create', { documentId, start: m.start, end: m.end, type: m.type, entityId: entityIds.get(m.word) ?? null });
    }
    for (const c of plan.claims) await call('claims.create', { documentId, start: c.start, end: c.end });
    return entityIds.size;
  }

  async function build(article: Article): Promise<BuiltArticle> {
    const dataBase64 = Buffer.from(article.text).toString('base64');
    const id = (await call('documents.import', { fileName: article.fileName, dataBase64 })).document.id;
    const entities = article.plan ? await mark(id, article.plan) : 0;
    const getStarted = performance.now();
    const view = await call('documents.get', { id });
    const ms = round(performance.now() - getStarted);
    const planned = { mentions: article.plan?.mentions.length ?? 0, claims: article.plan?.claims.length ?? 0 };
    if (view.mentions.length !== planned.mentions || view.claims.length !== planned.claims) {
      throw new Error(`${article.fileName}: stored ${view.mentions.length} mentions and ${view.claims.length} claims, planned ${planned.mentions} and ${planned.claims}.`);
    }
    return { id, entities, serviceGet: { ms, jsonBytes: Buffer.byteLength(JSON.stringify({ ok: true, value: view })) } };
  }

  try {
    await call('settings.update', { userName: 'Bench Checker' });
    const built: BuiltArticle[] = [];
    for (const article of articles) built.push(await build(article));
    return { articles: built, setupSeconds: round((performance.now() - started) / 1000) };
  } finally {
    db.close();
  }
}
