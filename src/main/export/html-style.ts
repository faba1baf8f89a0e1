/** Verdict colours from red (step 0, the scale's worst) to green (the last step, its best); slate grey off the scale. */
export const VERDICT_STEPS = 13;
export const VERDICT_OFF_SCALE = '#6b7280';
export const verdictHue = (step: number): string => `hsl(${step * 10} 60% 36%)`;

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
body { margin: 0; color: var(--ink); font: 16px/1.55 "Source Serif 4", Georgia, "DejaVu Serif", serif; }
.sheet { max-width: 52rem; margin: 2rem auto; padding: 2.5rem 3rem; background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; }
h1, h2, h3, h4, .eyebrow, dt, .counts, .verdict, .claim-number, .record, .provenance, table { font-family: "Inter", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 0.2rem 0 0.5rem; }
h4 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1rem 0 0.3rem; }
p { margin: 0 0 0.6rem; }
a { color: var(--accent); }
code { font: 0.85em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.eyebrow { margin: 0; font-size: 0.8rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
dl { margin: 0; }
dl.source, dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.source div, dl.facts div { display: contents; }
dt { font-size: 0.8rem; font-weight: 600; color: var(--muted); padding-top: 0.2rem; }
dd { margin: 0; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; list-style: none; padding: 0; margin: 0 0 0.8rem; }
.counts strong { font-size: 1.6rem; display: block; line-height: 1.1; }
.left-out { color: var(--muted); }
table.distribution { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
table.distribution th, table.distribution td { padding: 0.25rem 0.5rem 0.25rem 0; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: middle; }
table.distribution th[scope=row] { width: 30%; font-weight: 600; }
table.distribution td.count { width: 3rem; text-align: right; font-variant-numeric: tabular-nums; }
table.distribution svg { display: block; width: 100%; height: 0.8rem; }
.claim { border-left: 5px solid var(--verdict, var(--rule)); padding: 0.4rem 0 0.6rem 1.2rem; margin: 0 0 2rem; }
.claim-number { margin: 0; font-size: 0.8rem; color: var(--muted); }
.verdict { display: inline-block; margin: 0 0 0.6rem; padding: 0.15rem 0.6rem; border-radius: 3px; background: var(--verdict, #6b7280); color: #fff; font-weight: 700; }
.verdict .rating { font-weight: 400; }
${VERDICT_CLASSES}
blockquote { margin: 0.4rem 0 0.8rem; padding: 0.4rem 0.9rem; border-left: 3px solid var(--rule); background: var(--tint); font-style: italic; }
mark.restored { background: #fff1b8; font-style: normal; font-weight: 600; }
ol.evidence { padding-left: 1.3rem; margin: 0; }
ol.evidence li { margin-bottom: 0.6rem; }
ol.evidence blockquote { font-size: 0.92rem; }
.relation { font: 600 0.72rem/1.4 "Inter", Arial, "DejaVu Sans", sans-serif; text-transform: uppercase; letter-spacing: 0.05em; padding: 0.05rem 0.35rem; border-radius: 3px; border: 1px solid currentColor; }
.relation-supports { color: #1f7a4d; }
.relation-refutes { color: #b42318; }
.relation-context { color: #5b6572; }
.meta { color: var(--muted); font-size: 0.9rem; }
.url { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.record { font-size: 0.75rem; color: var(--muted); margin-top: 0.6rem; }
.empty { color: var(--muted); font-style: italic; }
.provenance { font-size: 0.85rem; }
.provenance dl div { margin-bottom: 0.4rem; }
.provenance code { overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; }
  .sheet { max-width: none; margin: 0; padding: 0; border: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  ol.evidence a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; color: var(--muted); overflow-wrap: anywhere; }
  h2, h3, h4 { break-after: avoid-page; }
  .claim > header, blockquote, ol.evidence li, table.distribution tr, .provenance dl div { break-inside: avoid-page; }
}
`;
