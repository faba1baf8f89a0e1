/** Runs `then` once the frame being drawn has been painted. */
export function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}
