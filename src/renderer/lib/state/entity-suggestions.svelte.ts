import type { EntitySuggestion, SuggestionRejection } from '../../../shared/api/methods/assist';
import { plural } from '../format';
import { bucketSuggestions, textKey, withoutOverlaps } from '../suggestions';
import { SuggestionRun } from './suggestion-run.svelte';

const byTextOrder = (a: EntitySuggestion, b: EntitySuggestion) => a.start - b.start || b.end - a.end;
const sameSuggestion = (a: EntitySuggestion, b: EntitySuggestion) => a.start === b.start && a.end === b.end && a.type === b.type;

/**
 * The open document's entity suggestions. They are computed on request and never stored: this
 * list is what assist.entitySuggestions returned, less the ones rejected since; one becomes a
 * mention only when accepted. Rejections are remembered by the library, not undone with Ctrl+Z:
 * "Undo rejection" takes one back.
 */
export class EntitySuggestions extends SuggestionRun<EntitySuggestion> {
  /** True once suggestions were asked for in this document (and until hidden). */
  #active = $state(false);
  #tookMs = $state(0);
  #selected = $state.raw<EntitySuggestion | null>(null);
  /** Rejections in this document (and library-wide ones). */
  #rejections = $state.raw<SuggestionRejection[]>([]);
  /** The last rejection made here, offered for "Undo rejection". */
  #lastRejection = $state.raw<SuggestionRejection | null>(null);

  /** Open suggestions: not overlapping a mention marked since they were computed (nor after an undo). */
  #visible = $derived.by(() => (this.#active ? withoutOverlaps(this.all, this.doc.mentions) : []));
  #byType = $derived.by(() => {
    const groups = new Map<string, EntitySuggestion[]>();
    for (const s of this.#visible) {
      const group = groups.get(s.type);
      if (group) group.push(s);
      else groups.set(s.type, [s]);
    }
    return groups;
  });
  #previousBuckets: EntitySuggestion[][] = [];
  #byBlock = $derived.by(() => (this.#previousBuckets = bucketSuggestions(this.doc.blocks, this.#visible, this.#previousBuckets)));

  /** Suggestions a rejection took out of the list, put back by "Undo rejection". */
  #rejected = new Map<string, EntitySuggestion[]>();


  get active() {
    return this.#active;
  }

  get tookMs() {
    return this.#tookMs;
  }

  get selected() {
    return this.#selected;
  }

  get rejections() {
    return this.#rejections;
  }

  get lastRejection() {
    return this.#lastRejection;
  }

  get visible() {
    return this.#visible;
  }

  get byType() {
    return this.#byType;
  }

  get byBlock() {
    return this.#byBlock;
  }

  protected forget(): void {
    this.#active = false;
    this.#selected = null;
    this.#rejections = [];
    this.#lastRejection = null;
    this.#rejected.clear();
  }

  async suggest(): Promise<void> {
    const answer = await this.request('Could not suggest entities', async (documentId) => {
      const [result] = await Promise.all([this.api.call('assist.entitySuggestions', { documentId }), this.loadRejections()]);
      return result;
    });
    if (!answer) return;
    this.#tookMs = answer.tookMs;
    this.#active = true;
    this.#selected = null;
  }

  /** Hides the suggestions (a running request is dropped). */
  hide(): void {
    this.drop();
    this.#active = false;
    this.keep([]);
    this.#selected = null;
  }

  async loadRejections(): Promise<void> {
    const documentId = this.documentId;
    if (!documentId) return;
    const result = await this.api.call('assist.rejections', { documentId });
    if (documentId !== this.documentId) return;
    if (result.ok) this.#rejections = result.value;
    else this.notices.error('Could not list the rejected suggestions', result.error);
  }

  select(suggestion: EntitySuggestion | null): void {
    this.#selected = suggestion;
  }

  /** The open suggestion that starts at `start` (what a click on the text found). */
  at(start: number): EntitySuggestion | null {
    return this.#visible.find((s) => s.start === start) ?? null;
  }

  /** The open suggestion after (or before) `suggestion` in text order, if any. */
  neighbour(suggestion: EntitySuggestion, direction: 1 | -1): EntitySuggestion | null {
    const visible = this.#visible;
    if (direction === 1) return visible.find((s) => byTextOrder(s, suggestion) > 0) ?? null;
    for (let i = visible.length - 1; i >= 0; i--) if (byTextOrder(visible[i], suggestion) < 0) return visible[i];
    return null;
  }

  /** Accepts suggestions as mentions (one undo step); `type` overrides the suggested type. */
  async accept(suggestions: EntitySuggestion[], type?: string): Promise<boolean> {
    const documentId = this.documentId;
    if (!documentId || suggestions.length === 0) return false;
    const what = suggestions.length === 1 ? `“${suggestions[0].exact}”` : plural(suggestions.length, 'suggestion');
    const changes = await this.doc.change(
      'assist.acceptEntities',
      {
        documentId,
        suggestions: suggestions.map((s) => ({ start: s.start, end: s.end, type: type ?? s.type, entityId: s.entityId }))
      },
      `Could not accept ${what}`
    );
    if (!changes) return false;
    const selected = this.#selected;
    if (selected && suggestions.some((s) => sameSuggestion(s, selected))) this.#selected = null;
    return true;
  }

  acceptType(type: string): Promise<boolean> {
    return this.accept(this.#byType.get(type) ?? []);
  }

  /**
   * Remembers that this text is not an entity of this type (here, or `everywhere` in the library):
   * every suggestion of the same text and type leaves the list, as the library will not offer them again.
   */
  async reject(suggestion: EntitySuggestion, everywhere = false): Promise<boolean> {
    const documentId = this.documentId;
    if (!documentId) return false;
    const result = await this.api.call('assist.rejectEntities', {
      documentId,
      suggestions: [{ start: suggestion.start, end: suggestion.end, type: suggestion.type }],
      ...(everywhere ? { everywhere } : {})
    });
    if (documentId !== this.documentId) return false;
    if (!result.ok) {
      this.notices.error(`Could not reject “${suggestion.exact}”`, result.error);
      return false;
    }
    const key = textKey(suggestion.exact);
    const gone = this.all.filter((s) => s.type === suggestion.type && textKey(s.exact) === key);
    this.keep(this.all.filter((s) => !gone.includes(s)));
    for (const rejection of result.value) this.#rejected.set(rejection.id, gone);
    this.#rejections = [...result.value, ...this.#rejections];
    this.#lastRejection = result.value[0] ?? null;
    if (this.#selected && gone.includes(this.#selected)) this.#selected = null;
    return true;
  }

  /** Takes a rejection back: the suggestions it removed are offered again. */
  async unreject(rejection: SuggestionRejection): Promise<boolean> {
    const documentId = this.documentId;
    const result = await this.api.call('assist.unreject', { ids: [rejection.id] });
    if (documentId !== this.documentId) return false;
    if (!result.ok) {
      this.notices.error(`Could not undo the rejection of “${rejection.exact}”`, result.error);
      return false;
    }
    this.#rejections = this.#rejections.filter((r) => r.id !== rejection.id);
    if (this.#lastRejection?.id === rejection.id) this.#lastRejection = null;
    const back = this.#rejected.get(rejection.id);
    this.#rejected.delete(rejection.id);
    if (back && this.#active) {
      this.keep([...this.all, ...back.filter((s) => !this.all.some((other) => sameSuggestion(other, s)))].sort(byTextOrder));
    } else if (this.#active) {
      this.notices.info(`“${rejection.exact}” will be suggested again the next time you suggest entities.`);
    }
    return true;
  }
}
