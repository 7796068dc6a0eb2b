import { generatedBanner } from './banner.js';
import type { VendorSource } from './load-vendors.js';

const cell = (value: unknown) => String(value).replaceAll('|', '\\|').replaceAll('\n', ' ');

function sourceLabel(source: { code: string; status: string }): string {
  if (source.code === 'documented' && source.status === 'documented') return 'documented';
  if (source.code === 'inferred') return 'code inferred';
  return 'status inferred';
}

/** One Markdown page per vendor: the human reference of its catalog, policy and ambiguities. */
export function catalogPage(vendor: VendorSource): string {
  const rows = vendor.catalog.map((entry) => {
    const e = entry as unknown as {
      code: string;
      status: number;
      category: string;
      action: string;
      retryable: boolean;
      source: { code: string; status: string };
      description: string;
    };
    return `| \`${e.code}\` | ${e.status} | ${e.category} | ${e.action} | ${e.retryable ? 'yes' : 'no'} | ${sourceLabel(e.source)} | ${cell(e.description)} |`;
  });
  const inferred = vendor.catalog.filter(
    (e) => (e as unknown as { source: { reasoning?: string } }).source.reasoning,
  );
  const policy = vendor.policy as {
    ambiguities: Array<{ id: string; question: string; interpretation: string }>;
    referenceClientDeviations?: Array<{ quote: string; departure: string }>;
  };
  const deviations = policy.referenceClientDeviations ?? [];
  return `<!-- ${generatedBanner(`schemas/${vendor.id}/`).slice(3)} -->

# ${vendor.name} error catalog

Machine-readable sources: [catalog](../../schemas/${vendor.id}/catalog.json), [policy](../../schemas/${vendor.id}/policy.json), ${vendor.envelopes.map((e) => `[${e.name} schema](../../schemas/${vendor.id}/${e.file})`).join(', ')}.

| code | status | category | action | retryable | source | what it means |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
${
  inferred.length === 0
    ? ''
    : `
## Why the inferred entries say what they say

${inferred.map((e) => `- \`${(e as { code: string }).code}\`: ${cell((e as unknown as { source: { reasoning: string } }).source.reasoning)}`).join('\n')}
`
}
## Ambiguities in the docs and the readings chosen

${policy.ambiguities.map((a) => `- **${a.id}**: ${cell(a.question)} *Chosen:* ${cell(a.interpretation)}`).join('\n')}
${
  deviations.length === 0
    ? ''
    : `
## Where the reference client departs from the docs

${deviations.map((d) => `- The docs say "${cell(d.quote)}". ${cell(d.departure)}`).join('\n')}
`
}`;
}

export function catalogIndexPage(vendors: VendorSource[]): string {
  return `<!-- ${generatedBanner('schemas/*/').slice(3)} -->

# Error catalogs

${vendors.map((v) => `- [${v.name}](${v.id}.md): ${v.catalog.length} codes`).join('\n')}
`;
}
