import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_PATHS } from '../../src/report/paths.js';
import { REPORT_CSS } from '../../src/report/reporters/html/styles.js';
import { renderHtml } from '../../src/report/reporters/html.js';
import { fixtureResult, fixtureWithRefresh, HOSTILE_BODY, narrowedFixture } from './fixtures.js';

describe('the HTML report', () => {
  const result = fixtureResult();
  const html = renderHtml(result);

  it('shows markup from a response body as text', () => {
    expect(html).toContain('&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=1&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });

  it('refers to nothing outside itself: every src or href is an anchor in the page, and the styles load nothing', () => {
    // Only real tags: escaped text such as `&lt;img src=x&gt;` starts no tag and is not a reference.
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    const references = tags.flatMap((tag) =>
      [...tag.matchAll(/\s(?:src|href|xlink:href|action|srcset|poster|data)\s*=\s*["']?([^"'\s>]*)/gi)].map(
        (m) => m[1],
      ),
    );
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(reference).toMatch(/^#/);
    expect(REPORT_CSS).not.toMatch(/url\(|@import/);
  });

  it('forbids scripts and fetches in its Content Security Policy, allowing only its own stylesheet', () => {
    const hash = createHash('sha256').update(REPORT_CSS).digest('base64');
    expect(html).toContain(
      `content="default-src &#39;none&#39;; style-src &#39;sha256-${hash}&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;"`,
    );
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('has the matrix with every path, a legend, and a section per vendor listing every check', () => {
    for (const path of CHECKLIST_PATHS) expect(html).toContain(`>${path.label}</th>`);
    expect(html).toContain('class="legend"');
    for (const vendor of result.vendors) {
      expect(html).toContain(`<h2>${vendor.name}</h2>`);
      for (const check of vendor.checks) {
        // Checks that ran have a card with their title; not-applicable ones a line under the vendor.
        if (check.outcome !== 'not_applicable') expect(html).toContain(`<span>${check.title}</span>`);
        expect(html).toContain(`<code class="check-id">${check.id}</code>`);
      }
    }
  });

  it('shows each failure with expected and actual side by side', () => {
    expect(html).toMatch(
      /<p class="message">status differs from the catalog<\/p><div class="compare"><figure class="expected"><figcaption>Expected<\/figcaption><pre>422<\/pre><\/figure><figure class="actual"><figcaption>Actual<\/figcaption><pre>400<\/pre>/,
    );
  });

  it('draws one SVG timeline per retry sequence, with a bar per wait', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    const withTimelines = result.vendors.flatMap((v) => v.checks).filter((c) => c.timeline);
    expect(svgs).toHaveLength(withTimelines.length);
    const waits = withTimelines.map((c) => c.timeline?.filter((e) => e.kind === 'wait').length);
    expect(svgs.map((svg) => svg.match(/class="wait"/g)?.length)).toEqual(waits);
  });

  it('gives totals, requests, wall time and simulated waiting', () => {
    const checks = result.vendors.reduce((sum, vendor) => sum + vendor.checks.length, 0);
    expect(html).toContain(`<dt>Checks</dt><dd>${checks}</dd>`);
    expect(html).toContain(`<dt>Requests sent</dt><dd>${result.requests}</dd>`);
    expect(html).toContain('<dt>Wall time</dt><dd>4.21 s</dd>');
    expect(html).toContain('<dt>Simulated waiting verified</dt><dd>37.6 s</dd>');
  });

  it('keeps the hostile body intact as data while escaping it', () => {
    const unescaped = html
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
    expect(unescaped).toContain(JSON.parse(HOSTILE_BODY).error.message);
  });
});

describe('the HTML report of a run narrowed with --only', () => {
  const result = narrowedFixture();
  const html = renderHtml(result);
  const matrixRows = (page: string) => {
    const table = /<table class="matrix">[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    return [...table.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((match) => match[1]);
  };

  it('has a matrix row for each path its checks cover and none for the others, where a full run has them all', () => {
    const ran = new Set(result.vendors.flatMap((vendor) => vendor.checks.map((check) => check.path)));
    expect(ran.size).toBe(1);
    expect(matrixRows(html)).toEqual(
      CHECKLIST_PATHS.filter((path) => ran.has(path.id)).map((path) => path.label),
    );
    expect(matrixRows(renderHtml(fixtureResult()))).toHaveLength(CHECKLIST_PATHS.length);
  });

  it('names the checks it was narrowed to at the top', () => {
    const header = html.slice(0, html.indexOf('</header>'));
    expect(header).toContain(`Only <code>${result.only?.[0]}</code> (--only)`);
    expect(renderHtml(fixtureResult())).not.toContain('(--only)');
  });
});

describe('the HTML report, read from the top', () => {
  const result = fixtureWithRefresh();
  const html = renderHtml(result);
  const checks = result.vendors.flatMap((vendor) => vendor.checks);

  it('shows every check id on its card', () => {
    for (const check of checks.filter((c) => c.outcome !== 'not_applicable')) {
      expect(html).toMatch(
        new RegExp(
          `<summary><span class="badge o-${check.outcome}">[^<]*</span> <code class="check-id">${check.id.replace('.', '\\.')}</code>`,
        ),
      );
    }
  });

  it('gathers every failed check before the matrix, each linking to its card', () => {
    const failed = checks.filter((check) => check.outcome === 'fail');
    const top = html.slice(html.indexOf('<section id="failures">'), html.indexOf('<section id="matrix">'));
    expect(html.indexOf('<section id="failures">')).toBeGreaterThan(-1);
    expect(top).toContain(`<h2>${failed.length} checks failed</h2>`);
    for (const check of failed) {
      expect(top).toContain(`<code class="check-id">${check.id}</code>`);
      for (const failure of check.failures)
        expect(top).toContain(failure.message.replaceAll("'", '&#39;').split(' ')[0]);
      const target = new RegExp(
        `<a href="#(c\\d+-\\d+)"><code class="check-id">${check.id.replace('.', '\\.')}</code>`,
      ).exec(top)?.[1];
      expect(html).toContain(`<article class="check o-fail" id="${target}">`);
    }
  });

  it('collapses the not-applicable checks into one line per vendor, keeping the matrix links', () => {
    expect(html).not.toContain('<article class="check o-not_applicable"');
    for (const [index, vendor] of result.vendors.entries()) {
      const section =
        html.slice(html.indexOf(`<section class="vendor" id="vendor-${index}">`)).split('</section>')[0] ??
        '';
      const notApplicable = vendor.checks.filter((check) => check.outcome === 'not_applicable');
      expect(section.match(/<details class="na-line">/g)?.length ?? 0).toBe(notApplicable.length > 0 ? 1 : 0);
      for (const check of notApplicable) {
        expect(section).toContain(`<code class="check-id">${check.id}</code> ${check.reason}`);
        expect(section).toContain(`id="v${index}-${check.path}"`);
      }
    }
    expect(html).toContain('1 check not applicable: ');
  });

  it('numbers requests per check, in its exchanges and its timeline alike', () => {
    expect(html).toContain('<h5>Request #1 at 0 ms</h5>');
    expect(html).toContain('<h5>Request #4 at');
    const refresh = html.slice(html.indexOf('unauthenticated.refresh'));
    // Token and API attempts restart at 1; the check's numbering does not.
    expect(refresh).toContain('<th scope="row">request #3</th><td>GET /claims/1 (attempt 2)</td>');
    expect(refresh).toContain('<th scope="row">response #3</th><td>401 invalid_token</td>');
    expect(refresh).toContain('<th scope="row">request #4</th><td>POST /oauth2/token (attempt 2)</td>');
    expect(refresh).toContain('<th scope="row">response #4</th><td>200</td>');
    expect(refresh).toMatch(/<tspan class="number">#3<\/tspan> <tspan class="status">401<\/tspan>/);
  });

  it('counts every drift line shown on the Drift card, whatever the outcome of its check', () => {
    const lines = checks.reduce((sum, check) => sum + check.drift.length, 0);
    expect(lines).toBeGreaterThan(result.totals.drift);
    expect(html).toContain(`<dt>Drift notes</dt><dd>${lines}</dd>`);
    const shown = [...html.matchAll(/<ul class="drift-list">(.*?)<\/ul>/g)].reduce(
      (sum, match) => sum + (match[1]?.match(/<li>/g)?.length ?? 0),
      0,
    );
    expect(shown).toBe(lines);
  });
});
