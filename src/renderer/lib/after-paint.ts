/** Runs `then` once the frame being drawn has been painted. */
export function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}

/** The longest wait for an idle moment: what is put off until one still comes soon on a busy machine. */
const IDLE_WAIT_MS = 500;

/**
 * Runs `then` once the frame being drawn has been painted and the page has an idle moment after it, so
 * work the reader does not see yet does not delay the frames that show what they do see.
 */
export function whenIdleAfterPaint(then: () => void): void {
  afterNextPaint(() => requestIdleCallback(() => then(), { timeout: IDLE_WAIT_MS }));
}
