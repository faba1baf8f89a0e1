import { VERDICT_OFF_SCALE, VERDICT_STEPS, verdictHue } from '../../shared/verdict-colors';

/** A class per colour, so the sheet needs no style attributes (a page with a strict CSP previews it). */
const VERDICT_CLASSES = [
  `.verdict-off-scale { --verdict: ${VERDICT_OFF_SCALE}; }`,
  ...Array.from({ length: VERDICT_STEPS + 1 }, (_, step) => `.verdict-step-${step} { --verdict: ${verdictHue(step)}; }`)
].join('\n');

/** The fact sheet's stylesheet, inlined into every HTML sheet (screen and print). */
export const SHEET_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6572; --rule: #d9dee5; --paper: #fff; --tint: #f4f6f9; --accent: #1f5fbf; }
* { box-sizing: border-box; }
html { background: var(--tint); }
/* One type family; labels differ from values by weight and colour only. */
body { margin: 0; color: var(--ink); font: 15px/1.5 "Inter", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.sheet { max-width: 52rem; margin: 2rem auto; padding: 2.2rem 2.8rem; background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.2rem 0 0.8rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 0.7rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 0.1rem 0 0.4rem; }
h4, dt, .claim-number, .eyebrow { font-size: 0.8rem; font-weight: 600; color: var(--muted); }
h4 { margin: 0.7rem 0 0.2rem; }
p { margin: 0 0 0.5rem; }
a { color: var(--accent); }
code { font: 0.85em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.eyebrow { margin: 0; letter-spacing: 0.08em; text-transform: uppercase; }
dl { margin: 0; }
dl.source { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
dl.source div { display: contents; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.3rem 1.2rem; }
dl.facts dt { padding: 0; }
dt { padding-top: 0.1rem; }
dd { margin: 0; font-size: 0.9rem; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; list-style: none; padding: 0; margin: 0 0 0.8rem; }
.counts strong { font-size: 1.6rem; display: block; line-height: 1.1; }
.left-out { color: var(--muted); }
table.distribution { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
table.distribution th, table.distribution td { padding: 0.25rem 0.5rem 0.25rem 0; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: middle; }
table.distribution th[scope=row] { width: 30%; font-weight: 600; }
table.distribution td.count { width: 3rem; text-align: right; font-variant-numeric: tabular-nums; }
table.distribution svg { display: block; width: 100%; height: 0.8rem; }
.claim { border-left: 5px solid var(--verdict, var(--rule)); padding: 0.3rem 0 0.4rem 1.1rem; margin: 0 0 1.4rem; }
.claim-number { margin: 0; font-size: 0.8rem; color: var(--muted); }
.verdict { display: inline-block; margin: 0 0 0.6rem; padding: 0.15rem 0.6rem; border-radius: 3px; background: var(--verdict, #6b7280); color: #fff; font-weight: 700; }
.verdict .rating { font-weight: 400; }
${VERDICT_CLASSES}
blockquote { margin: 0.3rem 0 0.6rem; padding: 0.3rem 0.8rem; border-left: 3px solid var(--rule); background: var(--tint); font-style: italic; }
mark.restored { background: #fff1b8; font-style: normal; font-weight: 600; }
ol.evidence { padding-left: 1.3rem; margin: 0; }
ol.evidence li { margin-bottom: 0.4rem; }
ol.evidence blockquote { font-size: 0.92rem; }
.relation { font-size: 0.72rem; font-weight: 600; line-height: 1.4; text-transform: uppercase; letter-spacing: 0.05em; padding: 0.05rem 0.35rem; border-radius: 3px; border: 1px solid currentColor; }
.relation-supports { color: #1f7a4d; }
.relation-refutes { color: #b42318; }
.relation-context { color: #5b6572; }
.meta { color: var(--muted); font-size: 0.9rem; }
.url { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
.provenance { margin-top: 2rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); font-size: 0.72rem; color: var(--muted); }
.provenance h2 { font-size: 0.8rem; margin: 0 0 0.3rem; border: 0; padding: 0; }
.provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.8rem; }
.provenance dl div { display: contents; }
.provenance dt, .provenance dd { font-size: inherit; }
.provenance ol.records { margin: 0.3rem 0; padding-left: 1.2rem; }
.provenance code { font-size: 0.95em; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { background: none; }
  body { font-size: 10pt; }
  .sheet { max-width: none; margin: 0; padding: 0; border: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  ol.evidence a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; color: var(--muted); overflow-wrap: anywhere; }
  h2, h3, h4 { break-after: avoid-page; }
  /* A claim is read as one unit: it starts on a new page rather than being split across two. */
  .claim, ol.evidence li, table.distribution tr, .provenance { break-inside: avoid-page; }
  .sheet-header, .summary, .notes { break-inside: avoid-page; }
}
`;
