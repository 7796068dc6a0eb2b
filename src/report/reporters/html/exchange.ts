/** One request and its response, side by side, with headers and bodies shown as text. */
import { escapeMarkup as esc } from '../../escape.js';
import { formatDuration } from '../../format.js';
import type { CapturedBody, Exchange } from '../../result.js';

function headerTable(headers: Record<string, string>): string {
  const rows = Object.entries(headers)
    .map(([name, value]) => `<tr><th scope="row">${esc(name)}</th><td class="mono">${esc(value)}</td></tr>`)
    .join('');
  return rows ? `<table class="headers"><tbody>${rows}</tbody></table>` : '';
}

/** JSON bodies are re-indented for reading; anything else is shown exactly as captured. */
function bodyBlock(body: CapturedBody | undefined): string {
  if (!body || body.text === '') return '<p class="cut">(no body)</p>';
  let text = body.text;
  if (!body.truncated) {
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as it came.
    }
  }
  const cut = body.truncated ? '<p class="cut">(cut short; the start of the body is shown)</p>' : '';
  return `<pre>${esc(text)}</pre>${cut}`;
}

/** `number` counts the check's requests from 1, the numbering its timeline uses too. */
export function renderExchange(exchange: Exchange, number: number): string {
  const { request, response } = exchange;
  const requestPart = `<div><h5>Request #${number} at ${esc(formatDuration(exchange.atMs))}</h5><p class="line mono">${esc(request.method)} ${esc(request.url)}</p>${headerTable(request.headers)}${bodyBlock(request.body)}</div>`;
  const responsePart = response
    ? `<div><h5>Response #${number}</h5><p class="line mono">HTTP ${esc(String(response.status))}</p>${headerTable(response.headers)}${bodyBlock(response.body)}</div>`
    : `<div><h5>No response</h5><p class="line">${esc(exchange.error ?? 'no response was recorded')}</p></div>`;
  return `<div class="exchange">${requestPart}${responsePart}</div>`;
}
