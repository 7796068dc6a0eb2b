/**
 * The report's only styling, inlined in a <style> element whose hash the page's Content Security
 * Policy allows; inline style attributes would need 'unsafe-inline', so none are used anywhere.
 * Cells carry a word as well as a colour, so the matrix reads without colour vision too.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2330; --muted: #5b6473; --line: #d9dde4; --paper: #ffffff; --wash: #f5f6f8;
  --pass-bg: #dcf2e2; --pass-ink: #17622f; --fail-bg: #fbdcdc; --fail-ink: #9c1515;
  --drift-bg: #fff0c2; --drift-ink: #6d4a00; --skipped-bg: #dde9f8; --skipped-ink: #1c4a7d;
  --na-bg: #eceef1; --na-ink: #5b6473;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 12px; }
h3 { font-size: 16px; margin: 22px 0 8px; color: var(--muted); font-weight: 600; }
h4 { font-size: 14px; margin: 14px 0 6px; }
p { margin: 6px 0; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
.subtitle { color: var(--muted); margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0 0; padding: 0; }
.figures div { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.figures dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.figures dd { margin: 2px 0 0; font-size: 20px; font-weight: 600; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; }
table { border-collapse: collapse; }
.matrix { width: 100%; background: var(--paper); table-layout: fixed; }
.matrix thead th:first-child { width: 76px; }
.matrix thead th:nth-child(2) { width: 25%; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 7px 10px; text-align: left; vertical-align: top; }
.matrix thead th { background: var(--wash); font-size: 13px; }
.matrix tbody th { font-weight: 500; }
.matrix tbody th.status { color: var(--muted); font-variant-numeric: tabular-nums; }
.matrix td a { color: inherit; text-decoration: none; font-weight: 600; display: block; }
.matrix td a:hover { text-decoration: underline; }
.matrix td .why { display: block; font-weight: 400; font-size: 12px; margin-top: 2px; overflow-wrap: anywhere; }
.o-pass { background: var(--pass-bg); color: var(--pass-ink); }
.o-fail { background: var(--fail-bg); color: var(--fail-ink); }
.o-drift { background: var(--drift-bg); color: var(--drift-ink); }
.o-skipped { background: var(--skipped-bg); color: var(--skipped-ink); }
.o-not_applicable { background: var(--na-bg); color: var(--na-ink); }
.o-empty { background: var(--paper); color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 8px 18px; list-style: none; padding: 0; margin: 12px 0 0; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 7px; font-size: 12px; font-weight: 700; letter-spacing: .02em; }
.vendor { margin-top: 10px; }
.check { background: var(--paper); border: 1px solid var(--line); border-left-width: 5px; border-radius: 8px; margin: 8px 0; }
.check.o-pass, .check.o-fail, .check.o-drift, .check.o-skipped, .check.o-not_applicable { background: var(--paper); color: var(--ink); }
.check.o-pass { border-left-color: var(--pass-ink); }
.check.o-fail { border-left-color: var(--fail-ink); }
.check.o-drift { border-left-color: #c99400; }
.check.o-skipped { border-left-color: var(--skipped-ink); }
.check.o-not_applicable { border-left-color: #a7adb7; }
.check > details > summary { cursor: pointer; padding: 9px 14px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.check .body { padding: 0 14px 14px; }
.check .code { color: var(--muted); }
.check-id { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--wash); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.na-line { background: var(--paper); border: 1px solid var(--line); border-left: 5px solid #a7adb7; border-radius: 8px; margin: 8px 0; }
.na-line > summary { cursor: pointer; padding: 8px 14px; color: var(--muted); }
.na-line ul { margin: 0; padding: 0 14px 10px 34px; font-size: 13px; }
.na-line li { margin: 4px 0; }
#failures .panel { border-left: 5px solid var(--fail-ink); }
.failed-checks { margin: 0; padding-left: 22px; }
.failed-checks > li { margin: 6px 0 14px; }
.failed-checks .what { margin: 0 0 4px; font-weight: 600; }
.failed-checks a { color: inherit; }
.check .facts { color: var(--muted); font-size: 12px; margin-left: auto; }
.reason { color: var(--muted); font-style: italic; }
.failure { border-top: 1px solid var(--line); padding-top: 8px; margin-top: 8px; }
.failure .message { font-weight: 600; color: var(--fail-ink); }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.compare figure { margin: 0; }
.compare figcaption { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-bottom: 3px; }
pre { margin: 0; padding: 8px 10px; background: #f7f8fa; border: 1px solid var(--line); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 320px; overflow: auto; }
.expected pre { border-color: #9fc9ac; background: #f1faf3; }
.actual pre { border-color: #e3a3a3; background: #fdf3f3; }
.drift-list { margin: 8px 0; padding-left: 20px; color: var(--drift-ink); }
.exchanges > summary { cursor: pointer; color: var(--muted); margin-top: 10px; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 10px; padding-top: 10px; border-top: 1px dashed var(--line); }
.exchange h5 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.exchange .line { margin: 0 0 6px; overflow-wrap: anywhere; }
.headers { font-size: 12px; margin-bottom: 6px; width: 100%; }
.headers th, .headers td { padding: 1px 6px 1px 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.headers th { color: var(--muted); font-weight: 500; white-space: nowrap; width: 1%; padding-right: 14px; }
.cut { color: var(--muted); font-size: 12px; }
.timeline { margin-top: 10px; }
.timeline svg { display: block; width: 100%; max-width: 820px; height: auto; background: #fbfcfd; border: 1px solid var(--line); border-radius: 6px; }
.timeline .events { font-size: 12px; margin-top: 6px; }
.timeline .events td, .timeline .events th { padding: 1px 12px 1px 0; text-align: left; }
.timeline .events th { color: var(--muted); font-weight: 500; }
svg .axis { stroke: #8a919c; stroke-width: 1; }
svg .tick text, svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg .tick line { stroke: #c4c9d1; }
svg .stem { stroke: #59606b; stroke-width: 1.5; }
svg .mark { stroke: #ffffff; stroke-width: 1.5; fill: #8a919c; }
svg .mark.s2 { fill: #1f8a43; } svg .mark.s4 { fill: #c98a00; } svg .mark.s5 { fill: #c62828; }
svg .status { font-weight: 700; }
svg .number { fill: var(--muted); }
svg .wait { fill: #3f6fbf; stroke: #ffffff; stroke-width: 2; }
svg .allowed { fill: #4a78c2; fill-opacity: .14; stroke: #4a78c2; stroke-opacity: .5; stroke-dasharray: 3 2; }
svg .note { fill: #6b4fa0; }
svg .note-label { fill: #6b4fa0; font-style: italic; }
.timeline .key { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
svg .lane { fill: var(--muted); font-size: 10px; }
footer { max-width: 1180px; margin: 40px auto 30px; padding: 0 24px; color: var(--muted); font-size: 12px; }
`;
