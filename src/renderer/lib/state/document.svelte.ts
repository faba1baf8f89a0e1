import type { ApiClient } from '../../../shared/api/client';
import type { ChangeSet, RecordChanges, UndoState } from '../../../shared/api/changes';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ArticleDocument, Claim, ClaimStatus, Entity, Evidence, Gap, Mention, Review, ReviewDecision } from '../../../shared/domain';
import { fromMentionColumns } from '../../../shared/api/mention-columns';
import type { AppError, Result } from '../../../shared/result';
import {
  rebucket,
  refKey,
  textBlocks,
  textOrder,
  trimToText,
  type AnnotationRef,
  type Bucketed,
  type SavingMention
} from '../text/annotations';
import { backInReview } from '../approval-notes';
import { snapToWords } from '../text/word-snap';
import type { Notices } from './notices.svelte';

type ChangeMethod = { [M in MethodName]: MethodOutput<M> extends ChangeSet ? M : never }[MethodName];
export type MentionPatch = Omit<MethodInput<'mentions.update'>, 'id'>;
export type ClaimPatch = Omit<MethodInput<'claims.update'>, 'id'>;
export type EvidencePatch = Omit<MethodInput<'evidence.update'>, 'id'>;
export type DocumentDetailsPatch = Omit<MethodInput<'documents.update'>, 'id'>;
export interface Span {
  start: number;
  end: number;
}

/** A request for the text view to bring an annotation on screen; a new object every time. */
export interface Reveal {
  start: number;
  focus: boolean;
}

const NO_UNDO: UndoState = { canUndo: false, canRedo: false, undoAction: null, redoAction: null };

/** Applies one record type of a ChangeSet: replaced in place, new ones appended, removed ones dropped. */
function applyRecords<T extends { id: string }>(records: T[], changes: RecordChanges<T>, belongs: (record: T) => boolean): T[] {
  if (changes.upsert.length === 0 && changes.remove.length === 0) return records;
  const removed = new Set(changes.remove);
  const updated = new Map(changes.upsert.filter(belongs).map((record) => [record.id, record]));
  const next: T[] = [];
  for (const record of records) {
    if (removed.has(record.id)) continue;
    next.push(updated.get(record.id) ?? record);
    updated.delete(record.id);
  }
  return [...next, ...updated.values()];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byStart = <T extends Span>(a: T, b: T) => a.start - b.start || b.end - a.end;

/**
 * The open document: exactly what documents.text and documents.annotationColumns returned, then every
 * ChangeSet the API returns for a mutation applied to it. Also what is selected in the text view.
 */
export class DocumentState {
  #document = $state.raw<ArticleDocument | null>(null);
  #mentions = $state.raw<Mention[]>([]);
  /** Mentions marked and drawn, their create call not answered yet (see createMention). */
  #saving = $state.raw<SavingMention[]>([]);
  #savingCount = 0;
  /** Settles when every create call sent so far has been answered; undo and redo wait for it. */
  #saved: Promise<unknown> = Promise.resolve();
  /** Counts the annotations the user chose; a mention stored after another choice does not take the selection. */
  #choices = 0;
  #claims = $state.raw<Claim[]>([]);
  #evidence = $state.raw<Evidence[]>([]);
  #reviews = $state.raw<Review[]>([]);
  #entities = $state.raw<Map<string, Entity>>(new Map());
  #gaps = $state.raw<Gap[]>([]);
  #undo = $state.raw<UndoState>(NO_UNDO);
  #replays: Promise<void> = Promise.resolve();
  #loading = $state(false);
  /** The text is shown; its annotations are still on their way. */
  #annotationsPending = $state(false);
  #loadError = $state.raw<AppError | null>(null);

  /** The annotation the inspector shows. */
  #selected = $state.raw<AnnotationRef | null>(null);
  /** The text selected in the article (whitespace at the edges trimmed), ready to be marked. */
  #textRange = $state.raw<Span | null>(null);
  #reveal = $state.raw<Reveal | null>(null);
  /** The text selection was made with Alt held: it keeps its exact characters instead of whole words. */
  #exactSelection = false;
  /** Counts marks made from the text selection; the text view then clears the DOM selection. */
  #selectionUsed = $state(0);
  /**
   * Where a keyboard selection starts: the find match shown, the annotation selected or the place clicked,
   * whichever came last. A new object at each move, so a text selection made before it can be told apart.
   */
  #caret: { at: number } | null = null;

  #blocks = $derived(textBlocks(this.#document?.blocks ?? [], this.#document?.text.length ?? 0));
  #bucketed: Bucketed | null = null;
  /** Per block, the annotations overlapping it; after an edit only the blocks it touched get new buckets. */
  #buckets = $derived.by(() => {
    this.#bucketed = rebucket(this.#bucketed, {
      blocks: this.#blocks,
      mentions: this.#saving.length ? [...this.#mentions, ...this.#saving] : this.#mentions,
      claims: this.#claims,
      gaps: this.#gaps
    });
    return this.#bucketed.buckets;
  });
  #order = $derived(textOrder(this.#mentions, this.#claims, this.#gaps));
  #sortedClaims = $derived([...this.#claims].sort(byStart));
  #selectedKey = $derived(this.#selected ? refKey(this.#selected) : null);
  #selectedMention = $derived.by(() => {
    const selected = this.#selected;
    return selected?.kind === 'mention' ? (this.#mentions.find((m) => m.id === selected.id) ?? null) : null;
  });
  #selectedClaim = $derived.by(() => {
    const selected = this.#selected;
    return selected?.kind === 'claim' ? (this.#claims.find((c) => c.id === selected.id) ?? null) : null;
  });
  #evidenceByClaim = $derived(
    groupBy([...this.#evidence].sort((a, b) => a.position - b.position), (item) => item.claimId)
  );
  #reviewsByClaim = $derived(
    groupBy([...this.#reviews].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), (review) => review.claimId)
  );
  #selectedText = $derived(this.#textRange && this.#document ? this.#document.text.slice(this.#textRange.start, this.#textRange.end) : '');

  #notices: Notices;
  #loadSeq = 0;
  /** Settles when the open document's annotations arrived (or its loading ended); edits wait for it. */
  #annotationsLoaded: Promise<void> = Promise.resolve();
  #annotationsArrived: () => void = () => {};
  /** False from a load's start until its annotations arrived (or it failed): edits wait for them till then. */
  #annotationsIn = true;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
  }

  get document() {
    return this.#document;
  }

  get mentions() {
    return this.#mentions;
  }

  /** Mentions drawn while the library stores them. */
  get saving() {
    return this.#saving;
  }

  get claims() {
    return this.#claims;
  }

  get evidence() {
    return this.#evidence;
  }

  get reviews() {
    return this.#reviews;
  }

  get entities() {
    return this.#entities;
  }

  get gaps() {
    return this.#gaps;
  }

  get undo() {
    return this.#undo;
  }

  get loading() {
    return this.#loading;
  }

  get annotationsPending() {
    return this.#annotationsPending;
  }

  get loadError() {
    return this.#loadError;
  }

  get selected() {
    return this.#selected;
  }

  get textRange() {
    return this.#textRange;
  }

  get reveal() {
    return this.#reveal;
  }

  get selectionUsed() {
    return this.#selectionUsed;
  }

  get caret() {
    return this.#caret;
  }

  get blocks() {
    return this.#blocks;
  }

  get buckets() {
    return this.#buckets;
  }

  get order() {
    return this.#order;
  }

  get sortedClaims() {
    return this.#sortedClaims;
  }

  get selectedKey() {
    return this.#selectedKey;
  }

  get selectedMention() {
    return this.#selectedMention;
  }

  get selectedClaim() {
    return this.#selectedClaim;
  }

  get evidenceByClaim() {
    return this.#evidenceByClaim;
  }

  get reviewsByClaim() {
    return this.#reviewsByClaim;
  }

  get selectedText() {
    return this.#selectedText;
  }

  /** Moves the place a keyboard selection starts from. */
  placeCaret(offset: number): void {
    this.#caret = { at: offset };
  }

  /** Asks the text view to bring the text at `start` on screen (and focus it). */
  revealAt(start: number, focus: boolean): void {
    this.#reveal = { start, focus };
  }

  /**
   * The text first (one string, quick to send), shown as soon as it arrives; then the annotations,
   * which for a long article take longer (asked for together, the text first, so the server answers
   * it first; the entry script may have sent both already). Edits wait for them.
   */
  async load(id: string): Promise<void> {
    const seq = ++this.#loadSeq;
    this.#annotationsArrived();
    this.#loading = true;
    this.#loadError = null;
    this.#annotationsIn = false;
    this.#annotationsLoaded = new Promise<void>(
      (resolve) =>
        (this.#annotationsArrived = () => {
          this.#annotationsIn = true;
          resolve();
        })
    );
    const textAsked = this.#api.call('documents.text', { id });
    const annotationsAsked = this.#api.call('documents.annotationColumns', { id });
    const text = await textAsked;
    if (seq !== this.#loadSeq) return; // another document was opened meanwhile
    // Annotations that came with the text (the window's start request) are shown with it: the first
    // render of the text has its highlights. The race settles on them when they are already there.
    const arrived = text.ok ? await Promise.race([annotationsAsked, Promise.resolve(null)]) : null;
    if (seq !== this.#loadSeq) return;
    this.#loading = false;
    if (!text.ok) return this.#failLoad(text.error);
    this.#reset();
    this.#document = text.value.document;
    this.#gaps = text.value.gaps;
    this.#undo = text.value.undo;
    this.#annotationsPending = true;
    const annotations = arrived ?? (await annotationsAsked);
    if (seq !== this.#loadSeq) return;
    if (!annotations.ok) return this.#failLoad(annotations.error);
    const view = annotations.value;
    this.#mentions = fromMentionColumns(view.mentions, text.value.document.text);
    this.#claims = view.claims;
    this.#evidence = view.evidence;
    this.#reviews = view.reviews;
    this.#entities = new Map(view.entities.map((entity) => [entity.id, entity]));
    this.#annotationsPending = false;
    this.#annotationsArrived();
  }

  /** Saves corrected document details (title, address, byline…); false when they were refused. */
  async updateDetails(patch: DocumentDetailsPatch): Promise<boolean> {
    if (!this.#document) return false;
    const result = await this.#api.call('documents.update', { id: this.#document.id, ...patch });
    if (!result.ok) {
      this.#notices.error('Document details not saved', result.error);
      return false;
    }
    this.#document = result.value;
    this.#notices.info('Document details saved in the library: the title and source now show on every fact sheet and export.');
    return true;
  }

  #failLoad(error: AppError): void {
    this.#annotationsArrived();
    this.#annotationsPending = false;
    this.#reset();
    this.#loadError = error;
    this.#notices.error('Could not open the document', error);
  }

  close(): void {
    this.#loadSeq++;
    this.#annotationsArrived();
    this.#loading = false;
    this.#annotationsPending = false;
    this.#loadError = null;
    this.#reset();
  }

  #reset(): void {
    this.#document = null;
    this.#mentions = [];
    this.#saving = [];
    this.#claims = [];
    this.#evidence = [];
    this.#reviews = [];
    this.#entities = new Map();
    this.#gaps = [];
    this.#undo = NO_UNDO;
    this.#selected = null;
    this.#textRange = null;
    this.#reveal = null;
    this.#caret = null;
  }

  // ---- selection -------------------------------------------------------------------------

  select(ref: AnnotationRef | null, options: { reveal?: boolean; focus?: boolean } = {}): void {
    this.#choices++;
    this.#selected = ref;
    if (ref) this.#caret = { at: ref.start };
    if (ref && options.reveal) this.#reveal = { start: ref.start, focus: options.focus ?? false };
  }

  /** Whether the text selection being made keeps its exact characters (Alt held) or grows to whole words. */
  selectExactly(exact: boolean): void {
    this.#exactSelection = exact;
  }

  /**
   * Follows the DOM selection in the article; trimmed so "  Trump " marks "Trump", and widened to
   * whole words unless the selection was made with Alt held.
   */
  setTextRange(span: Span | null): void {
    const text = this.#document?.text;
    const trimmed = span && text !== undefined ? trimToText(text, span.start, span.end, this.#gaps) : null;
    this.#textRange = trimmed && !this.#exactSelection ? snapToWords(text!, trimmed.start, trimmed.end) : trimmed;
  }

  /** Moves the selection to the next / previous annotation in text order; false at either end. */
  step(direction: 1 | -1): boolean {
    const order = this.#order;
    const key = this.#selectedKey;
    const current = key === null ? -1 : order.findIndex((ref) => refKey(ref) === key);
    const next = current === -1 ? (direction === 1 ? 0 : order.length - 1) : current + direction;
    if (next < 0 || next >= order.length) return false;
    this.select(order[next], { reveal: true, focus: true });
    return true;
  }

  /** Cycles through a group of mentions (an outline entry): the next one after the selected one. */
  selectNextOf(mentionIds: string[]): void {
    const current = this.#selected?.kind === 'mention' ? mentionIds.indexOf(this.#selected.id) : -1;
    const mention = this.#mentions.find((m) => m.id === mentionIds[(current + 1) % mentionIds.length]);
    if (mention) this.select({ kind: 'mention', id: mention.id, start: mention.start, end: mention.end }, { reveal: true, focus: true });
  }

  // ---- mutations -------------------------------------------------------------------------

  /**
   * A label's hotkey or button: marks the selected text (a selection that is exactly a gap
   * becomes a masked mention), or else the selected gap as a masked mention.
   */
  async markWithLabel(type: string): Promise<void> {
    const range = this.#textRange;
    const selected = this.#selected;
    if (range) {
      const masked = this.#gaps.some((gap) => gap.start === range.start && gap.end === range.end);
      await this.createMention({ ...range, type, masked });
    } else if (selected?.kind === 'gap') {
      await this.createMention({ start: selected.start, end: selected.end, type, masked: true });
    } else {
      this.#notices.info('Select some text in the article first, then press a label key (1–8) or click a label.');
    }
  }

  /**
   * Draws the mention at once (as being saved) and sends it to the library in the same task; the
   * answer puts the stored mention in its place and selects it (unless the user chose another
   * annotation meanwhile), or takes the drawing away and says why the library refused it.
   */
  async createMention(fields: Span & { type: string; masked?: boolean; restoration?: string | null; entityId?: string | null }): Promise<boolean> {
    const documentId = this.#document?.id;
    if (!documentId) return false;
    const same = (m: SavingMention) => m.start === fields.start && m.end === fields.end && m.type === fields.type;
    if (this.#saving.some(same)) return false; // the same mark, pressed again before the answer
    // Sent before anything is drawn, so the answer travels while the page draws the mark and often
    // arrives in time for the same frame. A change made before the annotations arrived would be
    // overwritten by them: it waits for them.
    const send = () => this.#api.call('mentions.create', { documentId, ...fields });
    const answer = this.#annotationsIn ? send() : this.#annotationsLoaded.then(send);
    const drawn: SavingMention = {
      id: `saving-${++this.#savingCount}`,
      start: fields.start,
      end: fields.end,
      type: fields.type,
      entityId: fields.entityId ?? null,
      masked: fields.masked ?? false,
      restoration: fields.restoration ?? null,
      saving: true
    };
    this.#saving = [...this.#saving, drawn];
    // The selection is used by this mark: a second key press needs a selection of its own. The
    // inspector lets go of the annotation shown before, so nothing typed next lands in it.
    this.#useTextRange();
    this.#selected = null;
    const choices = this.#choices;
    this.#saved = Promise.all([this.#saved, answer]);
    const result = await answer;
    // Taken away in the same update that draws the stored mention: the highlight is not drawn twice.
    this.#saving = this.#saving.filter((m) => m !== drawn);
    const changes = this.#applied(result, 'Could not mark the mention');
    if (!changes) return false;
    if (changes.createdId && this.#choices === choices && this.#document?.id === documentId) {
      this.#selected = { kind: 'mention', id: changes.createdId, start: fields.start, end: fields.end };
    }
    return true;
  }

  async markClaim(): Promise<void> {
    const documentId = this.#document?.id;
    const range = this.#textRange;
    if (!documentId) return;
    if (!range) {
      this.#notices.info('Select a sentence or clause in the article first, then press c or “Mark claim”.');
      return;
    }
    const changes = await this.#change('claims.create', { documentId, ...range }, 'Could not mark the claim');
    if (!changes) return;
    this.#useTextRange();
    if (changes.createdId) this.select({ kind: 'claim', id: changes.createdId, ...range });
  }

  updateMention(id: string, patch: MentionPatch): Promise<boolean> {
    return this.#ok(this.#change('mentions.update', { id, ...patch }, 'Could not change the mention'));
  }

  updateClaim(id: string, patch: ClaimPatch): Promise<boolean> {
    return this.#ok(this.#change('claims.update', { id, ...patch }, 'Could not change the claim'));
  }

  transitionClaim(id: string, to: ClaimStatus): Promise<boolean> {
    return this.#ok(this.#change('claims.transition', { id, to }, `Could not move the claim to “${to}”`));
  }

  /**
   * Approve / request changes / comment, on the content the window showed (`contentHash`, from the
   * claim's review view); a checker approving their own claim must pass confirmSelfReview. Refused
   * because the claim changed meanwhile, the document's annotations are read again to show it as it is.
   */
  async reviewClaim(
    claimId: string,
    decision: ReviewDecision,
    comment: string,
    { confirmSelfReview = false, contentHash }: { confirmSelfReview?: boolean; contentHash?: string } = {}
  ): Promise<boolean> {
    const failure = { approve: 'Could not approve the claim', 'request changes': 'Could not request changes', comment: 'Could not post the comment' };
    await this.#annotationsLoaded;
    const result = await this.#api.call('reviews.create', { claimId, decision, comment, confirmSelfReview, contentHash });
    if (!result.ok && result.error.code === 'conflict') await this.#reread();
    return this.#applied(result, failure[decision]) !== null;
  }

  async addEvidence(claimId: string): Promise<string | null> {
    const changes = await this.#change('evidence.create', { claimId, relation: 'supports' }, 'Could not add evidence');
    return changes?.createdId ?? null;
  }

  updateEvidence(id: string, patch: EvidencePatch): Promise<boolean> {
    return this.#ok(this.#change('evidence.update', { id, ...patch }, 'Could not change the evidence'));
  }

  removeEvidence(id: string): Promise<boolean> {
    return this.#ok(this.#change('evidence.delete', { id }, 'Could not remove the evidence'));
  }

  /** Deletes the selected mention or claim; false when nothing deletable is selected. */
  async deleteSelected(): Promise<boolean> {
    const selected = this.#selected;
    if (selected?.kind === 'mention') {
      return this.#ok(this.#change('mentions.delete', { id: selected.id }, 'Could not delete the mention'));
    }
    if (selected?.kind === 'claim') {
      return this.#ok(this.#change('claims.delete', { id: selected.id }, 'Could not delete the claim'));
    }
    return false;
  }

  /** Creates an entity (linked to this document's undo history) and returns it. */
  async createEntity(name: string, type: string): Promise<Entity | null> {
    const documentId = this.#document?.id;
    const changes = await this.#change('entities.create', { documentId, name, type }, `Could not create the entity “${name}”`);
    return changes?.createdId ? (this.#entities.get(changes.createdId) ?? null) : null;
  }

  async searchEntities(query: string): Promise<Entity[]> {
    const result = await this.#api.call('entities.list', { query, limit: 8 });
    if (result.ok) return result.value;
    this.#notices.error('Could not search the entities', result.error);
    return [];
  }

  /** An entity picked from a search is linked next; keep it so its name can be shown. */
  rememberEntity(entity: Entity): void {
    this.#entities = new Map(this.#entities).set(entity.id, entity);
  }

  undoLast(): Promise<void> {
    return this.#replay('undo');
  }

  redoLast(): Promise<void> {
    return this.#replay('redo');
  }

  /**
   * Undo and redo run one after the other: quick presses (Ctrl+Z, Ctrl+Z, Ctrl+Y) each act on the
   * undo state the previous one left, not on the state from before they were pressed.
   */
  #replay(direction: 'undo' | 'redo'): Promise<void> {
    this.#replays = this.#replays.then(async () => {
      await this.#saved; // a mention just marked is what the undo takes back
      const documentId = this.#document?.id;
      const possible = direction === 'undo' ? this.#undo.canUndo : this.#undo.canRedo;
      if (!documentId || !possible) return;
      await this.#change(`history.${direction}`, { documentId }, direction === 'undo' ? 'Could not undo' : 'Could not redo');
    });
    return this.#replays;
  }

  /** A mutation asked for by another state class (assist, registry): its ChangeSet is applied here. */
  change<M extends ChangeMethod>(method: M, input: MethodInput<M>, failure: string): Promise<ChangeSet | null> {
    return this.#change(method, input, failure);
  }

  /** Trusts a reviewer's key, then reads the claims again: approvals signed with it now count. */
  async trustKey(userName: string, publicKey: string): Promise<boolean> {
    const result = await this.#api.call('keys.trust', { userName, publicKey });
    if (!result.ok) {
      this.#notices.error(`Could not trust ${userName}'s key`, result.error);
      return false;
    }
    await this.#reread();
    return true;
  }

  /** Reads the open document's annotations again (changed outside this window), keeping the selection. */
  async #reread(): Promise<void> {
    const id = this.#document?.id;
    if (!id) return;
    const [text, annotations] = await Promise.all([
      this.#api.call('documents.text', { id }),
      this.#api.call('documents.annotations', { id })
    ]);
    if (!text.ok || !annotations.ok || this.#document?.id !== id) return;
    this.#gaps = text.value.gaps;
    this.#undo = text.value.undo;
    this.#mentions = annotations.value.mentions;
    this.#claims = annotations.value.claims;
    this.#evidence = annotations.value.evidence;
    this.#reviews = annotations.value.reviews;
    this.#entities = new Map(annotations.value.entities.map((entity) => [entity.id, entity]));
  }

  /** Applies a ChangeSet that came inside another result (e.g. a propagation's outcome). */
  applyChanges(changes: ChangeSet): void {
    this.#apply(changes);
  }

  #useTextRange(): void {
    if (this.#textRange === null) return;
    this.#textRange = null;
    this.#selectionUsed++;
  }

  async #ok(pending: Promise<ChangeSet | null>): Promise<boolean> {
    return (await pending) !== null;
  }

  async #change<M extends ChangeMethod>(method: M, input: MethodInput<M>, failure: string): Promise<ChangeSet | null> {
    // A change made before the annotations arrived would be overwritten by them.
    await this.#annotationsLoaded;
    return this.#applied(await this.#api.call(method, input), failure);
  }

  /** A mutation's answer: its ChangeSet applied, or the refusal told with `failure`. */
  #applied(result: Result<ChangeSet>, failure: string): ChangeSet | null {
    if (!result.ok) {
      this.#notices.error(failure, result.error);
      return null;
    }
    this.#apply(result.value);
    return result.value;
  }

  /** Applies exactly what the store reports changed: the renderer keeps no other copy. */
  #apply(changes: ChangeSet): void {
    const documentId = this.#document?.id;
    if (!documentId) return;
    if (changes.entities.upsert.length || changes.entities.remove.length) {
      const entities = new Map(this.#entities);
      for (const id of changes.entities.remove) entities.delete(id);
      for (const entity of changes.entities.upsert) entities.set(entity.id, entity);
      this.#entities = entities;
    }
    if (changes.documentId !== null && changes.documentId !== documentId) return;
    const inDocument = (record: { documentId: string }) => record.documentId === documentId;
    this.#mentions = applyRecords(this.#mentions, changes.mentions, inDocument);
    const before = this.#claims;
    this.#claims = applyRecords(this.#claims, changes.claims, inDocument);
    for (const message of backInReview(before, this.#claims)) this.#notices.info(message);
    const claimIds = new Set(this.#claims.map((claim) => claim.id));
    const ofClaims = (record: { claimId: string }) => claimIds.has(record.claimId);
    this.#evidence = applyRecords(this.#evidence, changes.evidence, ofClaims);
    this.#reviews = applyRecords(this.#reviews, changes.reviews, ofClaims);
    if (changes.documentId === documentId) this.#undo = changes.undo;

    const selected = this.#selected;
    if (selected?.kind === 'mention' && !this.#mentions.some((m) => m.id === selected.id)) this.#selected = null;
    if (selected?.kind === 'claim' && !this.#claims.some((c) => c.id === selected.id)) this.#selected = null;
  }
}
