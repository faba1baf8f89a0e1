import type { ApiClient } from '../../../shared/api/client';
import type { AppInfo, MethodInput } from '../../../shared/api/contract';
import type { LabelType, Settings, VerdictScale } from '../../../shared/domain';
import { hashOf, routeFromHash, type Route } from '../routes';
import type { Notices } from './notices.svelte';

export type SettingsPatch = MethodInput<'settings.update'>;

/**
 * What the whole window shares: the user and their settings, the label set and verdict scales,
 * and which view is open (kept in the URL hash, so reload and Back work).
 */
export class Session {
  #settings = $state<Settings | null>(null);
  #labels = $state.raw<LabelType[]>([]);
  #scales = $state.raw<VerdictScale[]>([]);
  #info = $state<AppInfo | null>(null);
  #route = $state<Route>(routeFromHash(location.hash));
  #loaded = $state(false);

  /** First run: nothing is stamped with a user until they say who they are. */
  #needsName = $derived(this.#settings !== null && this.#settings.userName.trim() === '');
  #labelsByKey = $derived(new Map(this.#labels.map((label) => [label.key, label])));
  /** The scale new verdicts are given on (the settings name it; the first listed otherwise). */
  #verdictScale = $derived<VerdictScale | null>(
    this.#scales.find((scale) => scale.id === this.#settings?.verdictScaleId) ?? this.#scales[0] ?? null
  );

  #notices: Notices;

  readonly #api: ApiClient;

  constructor(api: ApiClient, notices: Notices) {
    this.#api = api;
    this.#notices = notices;
    // Back/Forward between views; pushState itself fires neither event.
    const follow = () => (this.#route = routeFromHash(location.hash));
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    // The user is the library's: another window may have switched it. Looked at again whenever this
    // window comes back, and when the service refused a write because of it.
    api.onUserChanged(() => void this.refreshUser());
    window.addEventListener('focus', () => void this.refreshUser());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.refreshUser();
    });
  }

  get settings() {
    return this.#settings;
  }

  get labels() {
    return this.#labels;
  }

  get scales() {
    return this.#scales;
  }

  get info() {
    return this.#info;
  }

  get route() {
    return this.#route;
  }

  get loaded() {
    return this.#loaded;
  }

  get needsName() {
    return this.#needsName;
  }

  get labelsByKey() {
    return this.#labelsByKey;
  }

  get verdictScale() {
    return this.#verdictScale;
  }

  async load(): Promise<void> {
    const [settings, labels, scales, info] = await Promise.all([
      this.#api.call('settings.get', {}),
      this.#api.call('labels.list', {}),
      this.#api.call('scales.list', {}),
      this.#api.call('app.info', {})
    ]);
    if (settings.ok) this.#show(settings.value);
    else this.#notices.error('Could not load the settings', settings.error);
    if (labels.ok) this.#labels = labels.value;
    else this.#notices.error('Could not load the label set', labels.error);
    if (scales.ok) this.#scales = scales.value;
    else this.#notices.error('Could not load the verdict scales', scales.error);
    if (info.ok) this.#info = info.value;
    this.#loaded = true;
  }

  /** Saves the changed settings; true when the library accepted them. */
  async updateSettings(patch: SettingsPatch): Promise<boolean> {
    const result = await this.#api.call('settings.update', patch);
    if (!result.ok) {
      this.#notices.error('Settings not saved', result.error);
      return false;
    }
    this.#show(result.value);
    return true;
  }

  /** Reads the settings again, and says so when another window switched the user. */
  async refreshUser(): Promise<void> {
    if (!this.#settings) return;
    const result = await this.#api.call('settings.get', {});
    if (!result.ok) return;
    const shown = this.#settings?.userName;
    this.#show(result.value);
    if (shown !== undefined && shown !== result.value.userName) {
      this.#notices.info(`Factdesk is now used as ${result.value.userName} (switched in another window).`);
    }
  }

  /** The settings this window shows; its writes are made as their user. */
  #show(settings: Settings): void {
    this.#settings = settings;
    this.#api.actAs(settings.userName);
  }

  /** Saves a verdict scale (a new one, or a new version of one) and lists it in place of the old version. */
  async saveScale(input: MethodInput<'scales.save'>): Promise<VerdictScale | null> {
    const result = await this.#api.call('scales.save', input);
    if (!result.ok) {
      this.#notices.error('Verdict scale not saved', result.error);
      return null;
    }
    const saved = result.value;
    this.#scales = this.#scales.some((scale) => scale.id === saved.id)
      ? this.#scales.map((scale) => (scale.id === saved.id ? saved : scale))
      : [...this.#scales, saved];
    return saved;
  }

  openDocument(id: string): void {
    this.#go({ name: 'document', id });
  }

  openLibrary(): void {
    this.#go({ name: 'library' });
  }

  openTrash(): void {
    this.#go({ name: 'trash' });
  }

  openEntities(): void {
    this.#go({ name: 'entities' });
  }

  openEntity(id: string): void {
    this.#go({ name: 'entity', id });
  }

  #go(route: Route): void {
    this.#route = route;
    const hash = hashOf(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
  }
}
