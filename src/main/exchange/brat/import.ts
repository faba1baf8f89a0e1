/**
 * brat standoff import: a .txt and its .ann become a document (or annotations on the library's
 * copy of the same text) with mentions, claims and entities. The whole .ann is checked first;
 * any bad line refuses the import, naming every bad line, and nothing is written.
 */
import { MAX_BRAT_FILE_BYTES, megabytes } from '../../../shared/api/file-limits';
import type { BratImportReport } from '../../../shared/api/methods/exchange';
import { CodePointIndex } from '../../../shared/anchoring/code-points';
import { CLAIM_STATUSES, type ClaimStatus, type LabelType, type Verdict } from '../../../shared/domain';
import { findGaps } from '../../../shared/gaps';
import { DomainError } from '../../errors';
import { normaliseNewlines } from '../../import/decode';
import { sha256Hex } from '../../import/hash';
import { importArticle } from '../../import';
import { findDocumentByHash, insertDocument, setTrashed } from '../../store/documents';
import { documentSummary } from '../../workflow/document-summaries';
import { findEntityByExternalId, getEntity } from '../../store/entities';
import { type MutationContext, runMutation } from '../../store/history';
import { listLabels } from '../../store/labels';
import { getScale } from '../../store/scales';
import { getSettings } from '../../store/settings';
import { createMention, mentionSpanProblem } from '../../workflow/create-mention';
import { LocalDocument } from '../local-document';
import { readNote } from './notes';
import { type BratReference, type BratSpan, parseAnn } from './read';
import { CLAIM_TYPE, FACTDESK_DB } from './write';

export interface BratFiles {
  txtFileName: string;
  txt: Uint8Array;
  annFileName: string;
  ann: Uint8Array;
}

const ENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function importBrat(ctx: MutationContext, files: BratFiles): Promise<BratImportReport> {
  const refuse = (reason: string, details?: string[]): never => {
    throw new DomainError('invalid_input', `Cannot import "${files.txtFileName}" with "${files.annFileName}": ${reason}.`, details);
  };
  for (const [name, bytes] of [
    [files.txtFileName, files.txt],
    [files.annFileName, files.ann]
  ] as const) {
    if (bytes.length > MAX_BRAT_FILE_BYTES) {
      refuse(`"${name}" (${megabytes(bytes.length)} MB) is larger than the ${megabytes(MAX_BRAT_FILE_BYTES)} MB limit`);
    }
  }
  const raw = utf8(files.txt) ?? refuse(`"${files.txtFileName}" is not UTF-8 text, which brat requires`);
  const ann = utf8(files.ann) ?? refuse(`"${files.annFileName}" is not UTF-8 text, which brat requires`);
  const imported = await importArticle(files.txtFileName, files.txt);
  if (!imported.ok) throw new DomainError(imported.error.code, imported.error.message);
  const article = imported.value;
  if (article.text !== normaliseNewlines(raw.replace(/^\uFEFF/, ''))) refuse(`"${files.txtFileName}" is not UTF-8 text, which brat requires`);

  const rawIndex = new CodePointIndex(raw);
  const parsed = parseAnn(ann.replace(/^\uFEFF/, ''), rawIndex);
  if (parsed.errors.length > 0) {
    refuse(`${parsed.errors.length} bad line${parsed.errors.length === 1 ? '' : 's'} in the .ann (${parsed.errors.slice(0, 3).join('; ')}${parsed.errors.length > 3 ? '; …' : ''})`, parsed.errors);
  }
  const toText = offsetMap(raw, rawIndex.length);
  const offsets = (span: BratSpan) => ({ start: toText[span.fragments[0]![0]]!, end: toText[span.fragments[span.fragments.length - 1]![1]]! });
  const gaps = new Set(findGaps(article.text).map((gap) => `${gap.start}:${gap.end}`));
  const isGap = ({ start, end }: { start: number; end: number }) => gaps.has(`${start}:${end}`);
  const place = { text: article.text, blocks: article.blocks };
  const misplaced = parsed.spans.flatMap((span) => {
    if (span.type === CLAIM_TYPE) return [];
    const problem = mentionSpanProblem(place, { ...offsets(span), masked: isGap(offsets(span)) });
    return problem ? [`line ${span.line}: ${problem}`] : [];
  });
  if (misplaced.length > 0) {
    refuse(`${misplaced.length} annotation${misplaced.length === 1 ? '' : 's'} cannot be a mention here (${misplaced.slice(0, 3).join('; ')}${misplaced.length > 3 ? '; …' : ''})`, misplaced);
  }
  const warnings = [...parsed.warnings];
  const labels = labelResolver(listLabels(ctx.db));
  const sha256 = sha256Hex(article.text);

  const existing = findDocumentByHash(ctx.db, sha256);
  const documentId = existing?.id ?? ctx.newId();
  const { value } = runMutation(ctx, { documentId, action: 'exchange.importBrat', kind: 'log' }, (group) => {
    if (!existing) insertDocument(group, documentId, article, sha256);
    else if (existing.trashed) setTrashed(group, documentId, false);
    const local = new LocalDocument(group, documentId, article.text);
    const target = { documentId, ...place };
    const entities = new EntityMaker(local, ctx.newId);
    const stamp = { author: ctx.user, createdAt: group.at, updatedAt: group.at };
    const report = { mentions: 0, claims: 0, duplicatesSkipped: 0 };

    for (const span of parsed.spans) {
      const { start, end } = offsets(span);
      const note = readNote(parsed.notes.get(span.id) ?? '');
      if (span.type === CLAIM_TYPE) {
        if (local.all('claim').some((c) => c.home === 'table' && c.start === start && c.end === end)) {
          report.duplicatesSkipped += 1;
          continue;
        }
        local.insertPlaced('claim', {
          id: ctx.newId(),
          text: note.get('text') || article.text.slice(start, end).replace(/\s+/g, ' ').trim(),
          claimantId: null,
          claimDate: null,
          score: null,
          scoreReason: null,
          status: claimStatus(note.get('status'), span, warnings),
          verdict: verdictOf(ctx, note, span, warnings),
          explanation: note.get('explanation') ?? '',
          ...stamp
        }, start, end);
        report.claims += 1;
        continue;
      }
      const type = labels.keyOf(span);
      const masked = isGap({ start, end });
      // Looked up only for a mention that is made: a skipped duplicate makes no entity.
      const entityId = () => entities.of(type, parsed.references.filter((r) => r.target === span.id), article.text.slice(start, end));
      const restoration = masked ? note.get('restoration') || null : null;
      const created = createMention(group, target, { start, end, type, entityId, origin: 'manual', masked, restoration }, { duplicate: 'skip', newId: ctx.newId });
      if (created === null) report.duplicatesSkipped += 1;
      else report.mentions += 1;
    }
    return { createdDocument: !existing, entities: entities.created, ...report };
  });
  return { ...value, document: documentSummary(ctx.db, documentId)!, warnings: [...warnings, ...labels.warnings()] };
}

function utf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * brat offsets count the .txt's code points as written (a byte-order mark, CR LF); the stored text
 * drops the mark and has LF only. Maps each raw code-point offset to a UTF-16 offset of the stored text.
 */
function offsetMap(raw: string, codePoints: number): Int32Array {
  const map = new Int32Array(codePoints + 1);
  let out = 0;
  let cp = 0;
  for (let i = 0; i < raw.length; cp += 1) {
    const code = raw.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    map[cp] = out;
    const dropped = (cp === 0 && code === 0xfeff) || (code === 0x0d && raw.charCodeAt(i + 1) === 0x0a);
    if (!dropped) out += width;
    i += width;
  }
  map[cp] = out;
  return map;
}

/** brat type → label key: the key, else a key or name matching without case, else "other" (reported). */
function labelResolver(labels: LabelType[]) {
  const byName = new Map<string, string>();
  for (const label of labels) {
    byName.set(label.name.toLowerCase(), label.key);
    byName.set(label.key.toLowerCase(), label.key);
  }
  const fallback = byName.get('other') ?? labels[0]!.key;
  const unknown = new Map<string, number[]>();
  return {
    keyOf(span: BratSpan): string {
      const key = labels.some((l) => l.key === span.type) ? span.type : byName.get(span.type.toLowerCase());
      if (key) return key;
      unknown.set(span.type, [...(unknown.get(span.type) ?? []), span.line]);
      return fallback;
    },
    warnings: () =>
      [...unknown].map(
        ([type, lines]) => `Unknown annotation type "${type}" imported as "${fallback}" (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}).`
      )
  };
}

function claimStatus(value: string | undefined, span: BratSpan, warnings: string[]): ClaimStatus {
  if (value === undefined) return 'open';
  if ((CLAIM_STATUSES as readonly string[]).includes(value)) return value as ClaimStatus;
  warnings.push(`line ${span.line}: unknown claim status "${value}"; the claim is imported as open.`);
  return 'open';
}

/** The note's verdict on its scale ("scale=default@1"), else on the library's current scale; unknown labels are reported. */
function verdictOf(ctx: MutationContext, note: Map<string, string>, span: BratSpan, warnings: string[]): Verdict | null {
  const label = note.get('verdict');
  if (!label) return null;
  const [scaleId, version] = (note.get('scale') ?? '').split('@');
  const scale =
    (scaleId && version ? getScale(ctx.db, scaleId, Number(version)) : null) ?? getScale(ctx.db, getSettings(ctx.db).verdictScaleId);
  if (scale?.labels.some((l) => l.label === label)) return { scaleId: scale.id, scaleVersion: scale.version, label };
  warnings.push(`line ${span.line}: "${label}" is not a verdict of a known scale; the claim is imported without a verdict.`);
  return null;
}

/** Entities from N lines: one per Factdesk id (or, without one, per first external id), reused when the library has it. */
class EntityMaker {
  created = 0;
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly local: LocalDocument,
    private readonly newId: () => string
  ) {}

  of(type: string, references: BratReference[], quoted: string): string | null {
    if (references.length === 0) return null;
    const own = references.find((r) => r.db === FACTDESK_DB);
    const external = references.filter((r) => r.db !== FACTDESK_DB);
    const key = own ? `${FACTDESK_DB}:${own.dbId}` : `${external[0]!.db}:${external[0]!.dbId}`;
    const known = this.byKey.get(key) ?? this.existing(own?.dbId, external);
    if (known) {
      this.byKey.set(key, known);
      return known;
    }
    const id = own && ENTITY_ID.test(own.dbId) ? own.dbId : this.newId();
    const name = (references.find((r) => r.name.trim())?.name ?? quoted).trim() || quoted;
    const now = this.local.group.at;
    this.local.insertEntity({
      id,
      name,
      type,
      aliases: [],
      description: '',
      externalIds: Object.fromEntries(external.map((r) => [r.db, r.dbId])),
      createdAt: now,
      updatedAt: now
    });
    this.created += 1;
    this.byKey.set(key, id);
    return id;
  }

  private existing(factdeskId: string | undefined, external: BratReference[]): string | null {
    if (factdeskId && getEntity(this.local.db, factdeskId)) return factdeskId;
    for (const reference of external) {
      const id = findEntityByExternalId(this.local.db, reference.db, reference.dbId);
      if (id) return id;
    }
    return null;
  }
}
