import { tick } from 'svelte';

/**
 * A button that opens a menu (the WAI-ARIA menu button pattern): Arrow keys on the button open it
 * at the first or last item; in the menu Arrow keys, Home and End move, Escape closes and returns
 * to the button, Tab closes; a click outside the wrapper closes it.
 */
export class MenuButton {
  open = $state(false);
  menu = $state<HTMLUListElement>();
  trigger = $state<HTMLButtonElement>();
  wrapper = $state<HTMLElement>();

  #items = () => [...(this.menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  async show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    await tick();
    const all = this.#items();
    (focus === 'first' ? all[0] : all[all.length - 1])?.focus();
  }

  hide(returnFocus: boolean): void {
    this.open = false;
    if (returnFocus) this.trigger?.focus();
  }

  toggle = (): void => {
    if (this.open) this.hide(false);
    else void this.show('first');
  };

  /** Closes the menu, then runs the chosen item's action. */
  run(action: () => unknown): void {
    this.hide(true);
    void action();
  }

  onTriggerKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  onMenuKey = (event: KeyboardEvent): void => {
    const all = this.#items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moveTo = (index: number) => all[(index + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') moveTo(at + 1);
    else if (event.key === 'ArrowUp') moveTo(at - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(all.length - 1);
    else if (event.key === 'Escape') this.hide(true);
    else if (event.key === 'Tab') this.hide(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  onWindowPointer = (event: PointerEvent): void => {
    if (this.open && !this.wrapper?.contains(event.target as Node)) this.hide(false);
  };
}
