/* global window, document, requestAnimationFrame, getSelection, addEventListener */
// Runs in every page the render benchmark opens, before the page's own scripts (a Playwright init
// script, after `window.__benchConfig = {...}`). Plain browser JavaScript, kept out of the TypeScript
// build so no compiler helper ends up in the page. Times are performance.now(): ms since navigation.
(() => {
  const config = window.__benchConfig;
  if (config.token) sessionStorage.setItem('factdesk.token', config.token);
  const bench = (window.__bench = { textAt: null, viewAt: null, readyAt: null, pending: null });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  const VIEW_ARTICLE = '#app main article';
  const shows = (selector) => document.querySelector(selector)?.textContent.includes(config.marker);
  /**
   * The app's document view shows its own text (not the early first screen, which has no highlights and
   * covers the view) with every mention in `config.mentions` ([start, end] pairs) drawn as a highlight.
   */
  const viewReady = () => {
    if (document.getElementById('early-text') || !shows(VIEW_ARTICLE)) return false;
    if (bench.viewAt === null) bench.viewAt = performance.now();
    const drawn = new Set();
    for (const mention of document.querySelectorAll(`${VIEW_ARTICLE} span.mention`)) drawn.add(`${mention.dataset.s}:${mention.dataset.e}`);
    return config.mentions.every(([start, end]) => drawn.has(`${start}:${end}`));
  };
  // Navigation -> the article's first sentence is in the page (checked every frame, before it is painted):
  // anywhere (textAt: the app's early first screen counts); for the app, ready once viewReady() holds.
  // readyAt is 2 frames later, so it is painted. Then one console message tells the benchmark (which
  // does not poll the page while it loads).
  const watchLoad = async () => {
    if (bench.textAt === null && shows('main article, body > pre')) bench.textAt = performance.now();
    const ready = config.mentions ? viewReady() : bench.textAt !== null;
    if (!ready) return requestAnimationFrame(watchLoad);
    await frame();
    await frame();
    bench.readyAt = performance.now();
    console.debug('factdesk-bench: loaded');
  };
  requestAnimationFrame(watchLoad);

  const segmentCovering = (start, end) => {
    for (const segment of document.querySelectorAll(VIEW_ARTICLE + ' [data-s]')) {
      if (Number(segment.dataset.s) <= start && Number(segment.dataset.e) >= end) return segment;
    }
    return null;
  };

  async function until(what, test, timeoutMs = 15000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = test();
      if (value) return value;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await frame();
    }
  }

  /** Scrolls the section holding [start, end) to the middle of the article and selects that text, as a mouse drag would. */
  bench.select = async (start, end, word) => {
    // The document view's article (the early first screen may still be over it).
    const article = await until('the document view', () => document.querySelector(VIEW_ARTICLE));
    const sections = article.querySelectorAll(':scope > [data-start]');
    const section = [...sections].find((s) => Number(s.dataset.start) <= start && start < Number(s.dataset.end));
    if (!section) throw new Error(`no section of the article holds offset ${start}`);
    section.scrollIntoView({ block: 'center' });
    const segment = await until(`the text at ${start} to render`, () => segmentCovering(start, end));
    if (segment.classList.contains('mention')) throw new Error(`"${word}" at ${start} is already marked`);
    const walker = document.createTreeWalker(segment, 4 /* NodeFilter.SHOW_TEXT */);
    let text = walker.nextNode();
    while (text && text.length === 0) text = walker.nextNode();
    const range = document.createRange();
    range.setStart(text, start - Number(segment.dataset.s));
    range.setEnd(text, end - Number(segment.dataset.s));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const toolbar = document.querySelector('[role="toolbar"][aria-label="Mark the selection"]');
    await until(`the toolbar to show "${word}"`, () => toolbar.textContent.includes(`“${word}”`));
    await frame();
  };

  /**
   * Arms the clock: from the next keydown to the frame in which [start, end) is drawn as a mention
   * (painted: drawn at all, while it is still being saved too) and to the frame in which it is drawn
   * as the stored mention (stored: the library's answer is in, the "saving" state gone).
   */
  bench.armHighlight = (start, end) => {
    bench.pending = new Promise((resolve, reject) => {
      addEventListener(
        'keydown',
        async (event) => {
          const pressed = event.timeStamp;
          const selector = `${VIEW_ARTICLE} span.mention[data-s="${start}"][data-e="${end}"]`;
          try {
            await until('the new mention to be highlighted', () => document.querySelector(selector));
            const painted = performance.now() - pressed;
            await until('the new mention to be stored', () => document.querySelector(`${selector}:not(.saving)`));
            resolve({ painted, stored: performance.now() - pressed });
          } catch (error) {
            reject(error);
          }
        },
        { capture: true, once: true }
      );
    });
  };
})();
