import type { Attachment } from 'svelte/attachments';

/** Whether the focus was dropped: the element holding it went away with the view or the row it belonged to. */
function focusDropped(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * For a view's main heading (tabindex -1): it takes the focus the last view dropped when it appears, and
 * again after `changed` changes (a list losing the row whose button had the focus), so keyboard and
 * screen-reader users keep their place instead of starting over from the top of the window.
 */
export function takesDroppedFocus(changed?: () => unknown): Attachment<HTMLElement> {
  return (heading) => {
    changed?.();
    if (focusDropped()) heading.focus({ preventScroll: true });
  };
}
