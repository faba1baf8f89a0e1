/**
 * Opening a checked annotation file: a document new to the library is imported whole; one the
 * library has (same document id, same text hash, or the caller's target) is merged. Everything
 * happens in one transaction with history rows, so a failure leaves the library as it was; a
 * preview runs the very same steps and rolls them back.
 */
import type { ExchangeReport } from '../../shared/api/methods/exchange';
import { CodePointIndex } from '../../shared/anchoring/code-points';
import type { Block, ImportedArticle, LabelType, VerdictScale } from '../../shared/domain';
import { DomainError } from '../errors';
import { documentTextAnyState, findDocumentByHash, insertDocument, setTrashed } from '../store/documents';
import { countConflicts } from '../store/exchange-conflicts';
import { documentSummary } from '../workflow/document-summaries';
import { type ChangeGroup, type MutationContext, runMutation } from '../store/history';
import { type ReceivedRecord, logReceivedRecords } from '../store/history-received';
import { recordHistorySource } from '../store/history-sources';
import { insertLabel, listLabels, updateLabelLook } from '../store/labels';
import { getScale, insertScaleVersion } from '../store/scales';
import { ExchangeBases, type StoredSet, recordFileBases } from './bases';
import type { AnnotationFile } from './file-schema';
import { signatureStatus } from './file-signature';
import { OPEN_ACTION, importHistory } from './history-transfer';
import { LocalDocument } from './local-document';
import { Merger } from './merge';
import { listOrphans } from './orphans';
import { recordKey } from './records';
import { sameValue } from './revision';

export interface OpenRequest {
  fileName: string;
  file: AnnotationFile;
  /** Merge into this document instead of matching by id or text hash. */
  targetDocumentId?: string | undefined;
  /** Apply the file's changes to what the library shares (see ExchangeReport.libraryChanges). */
  acceptLibraryChanges?: boolean | undefined;
  dryRun: boolean;
  /** Called inside the transaction just before it commits (or a preview ends); what it throws rolls everything back. */
  beforeCommit?: (() => void) | undefined;
}

interface Match {
  how: ExchangeReport['matchedBy'];
  id: string;
  /** The local text (the file's for a new document). */
  text: string;
  trashed: boolean;
}

/** Thrown at the end of a preview to roll its transaction back, carrying the report out. */
class PreviewDone extends Error {
  constructor(readonly report: ExchangeReport) {
    super('preview');
  }
}

export function openAnnotationFile(ctx: MutationContext, request: OpenRequest): ExchangeReport {
  const { file, fileName, dryRun } = request;
  const match = matchDocument(ctx, file, request.targetDocumentId);
  try {
    return runMutation(ctx, { documentId: match.id, action: OPEN_ACTION, kind: 'log' }, (group) => {
      if (match.how === 'new') insertDocument(group, match.id, articleOf(file), file.document.sha256);
      else if (match.trashed) setTrashed(group, match.id, false);
      const warnings: string[] = [];
      const accept = request.acceptLibraryChanges === true;
      const libraryChanges: string[] = [];
      const labelsAdded = addMissingLabels(group, file.labelSet, accept, libraryChanges);
      const scalesAdded = addMissingScales(group, file.verdictScales, warnings, accept, libraryChanges);
      const local = new LocalDocument(group, match.id, match.text, true);
      const bases = new ExchangeBases(group.db, match.id);
      const origin = { fileName, author: file.author, newId: ctx.newId, acceptLibraryChanges: accept };
      const tally = new Merger(group, local, file, bases, origin).run();
      const historyEntriesAdded = importHistory(group.db, match.id, file.history);
      recordHistorySource(group, fileName, file.author);
      logAdded(group, local, recordFileBases(group.db, file, bases));
      const report: ExchangeReport = {
        dryRun,
        outcome: match.how === 'new' ? 'imported' : 'merged',
        matchedBy: match.how,
        document: documentSummary(group.db, match.id)!,
        file: {
          fileName,
          author: file.author,
          created: file.created,
          generator: `${file.generator.name} ${file.generator.version}`,
          formatVersion: file.formatVersion
        },
        signature: signatureStatus(group.db, file),
        textDiffers: match.text !== file.document.text,
        anchoring: tally.anchoring,
        records: tally.records,
        reviewsAdded: tally.reviewsAdded,
        conflicts: { created: tally.conflictsCreated, remaining: countConflicts(group.db, match.id) },
        orphansRemaining: listOrphans(group.db, match.id).length,
        labelsAdded,
        scalesAdded,
        libraryChanges: [...libraryChanges, ...tally.libraryChanges],
        libraryChangesAccepted: accept,
        historyEntriesAdded,
        warnings
      };
      request.beforeCommit?.();
      if (dryRun) throw new PreviewDone(report);
      return report;
    }).value;
  } catch (error) {
    if (error instanceof PreviewDone) return error.report;
    throw error;
  }
}

/** The records the file added to the tables, as one history entry; their contents are in the document's new set of bases. */
function logAdded(group: ChangeGroup, local: LocalDocument, set: StoredSet | null): void {
  const added = local.received!.map(({ kind, id, start, end }): ReceivedRecord => {
    const index = set?.index.get(recordKey(kind, id));
    // A record new to this library never is its own newest base yet, so its state is in the set.
    if (index === undefined) throw new Error(`The ${kind} ${id} the file added is missing from its exchange bases.`);
    return [index, start, end];
  });
  if (set) logReceivedRecords(group, set.seq, added);
}

function matchDocument(ctx: MutationContext, file: AnnotationFile, targetId: string | undefined): Match {
  // Each document's text is read once: an article can be megabytes.
  const row = (id: string) => documentTextAnyState(ctx.db, id);
  if (targetId !== undefined) {
    const target = row(targetId);
    if (!target || target.trashed) throw new DomainError('not_found', `No document with id ${targetId} in the library.`);
    return { how: 'target', id: targetId, ...target };
  }
  const sameId = row(file.document.id);
  if (sameId) return { how: 'id', id: file.document.id, ...sameId };
  const byHash = findDocumentByHash(ctx.db, file.document.sha256);
  if (byHash) return { how: 'hash', id: byHash.id, ...row(byHash.id)! };
  return { how: 'new', id: file.document.id, text: file.document.text, trashed: false };
}

/** The file's document as an imported article; its block offsets are code points, the store's UTF-16 units. */
function articleOf(file: AnnotationFile): ImportedArticle {
  const index = new CodePointIndex(file.document.text);
  const blocks: Block[] = file.document.blocks.map((block) => ({
    ...block,
    start: index.toUtf16(block.start),
    end: index.toUtf16(block.end)
  }));
  const { title, text, source, format } = file.document;
  return { title, text, blocks, source, format };
}

/** "applied" or what happens without consent, for the report's library changes. */
const outcomeOf = (accept: boolean, without: string) => (accept ? 'applied' : without);

/**
 * Labels the file uses that this library lacks are added at the end (without a hotkey already
 * taken); a label it has under another name or colour changes only with consent.
 */
function addMissingLabels(group: ChangeGroup, labels: readonly LabelType[], accept: boolean, changes: string[]): string[] {
  const local = listLabels(group.db);
  const byKey = new Map(local.map((label) => [label.key, label]));
  const hotkeys = new Set(local.map((label) => label.hotkey));
  const added: string[] = [];
  for (const label of labels) {
    const mine = byKey.get(label.key);
    if (mine) {
      if (mine.name === label.name && mine.color.toLowerCase() === label.color.toLowerCase()) continue;
      changes.push(
        `Label "${mine.name}" ${mine.color} → "${label.name}" ${label.color}: ${outcomeOf(accept, 'not applied, this library keeps its own')}.`
      );
      if (accept) updateLabelLook(group, mine, label);
      continue;
    }
    const row = { ...label, hotkey: hotkeys.has(label.hotkey) ? '' : label.hotkey };
    insertLabel(group, row);
    byKey.set(label.key, row);
    if (row.hotkey) hotkeys.add(row.hotkey);
    added.push(label.name);
  }
  return added;
}

/**
 * Verdict scale versions the file's verdicts use and this library lacks are added; a differing one
 * is reported. A version newer than the library's newest of that scale would become the one new
 * verdicts are given on, so it is added only with consent.
 */
function addMissingScales(
  group: ChangeGroup,
  scales: readonly VerdictScale[],
  warnings: string[],
  accept: boolean,
  changes: string[]
): string[] {
  const added: string[] = [];
  for (const scale of scales) {
    const local = getScale(group.db, scale.id, scale.version);
    if (!local) {
      const newest = getScale(group.db, scale.id);
      if (newest && newest.version < scale.version) {
        changes.push(
          `Verdict scale "${newest.name}": version ${scale.version} from the file would replace version ${newest.version} for new verdicts (${labelList(scale)}): ${outcomeOf(accept, 'not added')}.`
        );
        if (!accept) continue;
      }
      insertScaleVersion(group, scale);
      added.push(`${scale.name} (version ${scale.version})`);
    } else if (!sameValue(local.labels, scale.labels) || local.name !== scale.name) {
      warnings.push(
        `The verdict scale "${scale.name}" (version ${scale.version}) differs from this library's "${local.name}" of the same version; this library's is kept.`
      );
    }
  }
  return added;
}

const labelList = (scale: VerdictScale) =>
  scale.labels.map((label) => (label.value === null ? label.label : `${label.label} ${label.value}`)).join(', ');
