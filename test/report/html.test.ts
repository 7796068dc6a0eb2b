import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_PATHS } from '../../src/report/paths.js';
import { REPORT_CSS } from '../../src/report/reporters/html/styles.js';
import { renderHtml } from '../../src/report/reporters/html.js';
import { fixtureResult, HOSTILE_BODY } from './fixtures.js';

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
      for (const check of vendor.checks) expect(html).toContain(`<span>${check.title}</span>`);
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
