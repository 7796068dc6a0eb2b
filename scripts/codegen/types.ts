import { join } from 'node:path';
import { compile, type Options } from 'json-schema-to-typescript';
import { generatedBanner } from './banner.js';
import type { VendorSource } from './load-vendors.js';

const BASE_OPTIONS: Partial<Options> = {
  additionalProperties: true,
  strictIndexSignatures: true,
  unknownAny: true,
  format: true,
  style: { singleQuote: true, printWidth: 110 },
};

async function compileSchema(
  schema: object,
  name: string,
  cwd: string,
  banner: string,
  extra: Partial<Options> = {},
) {
  // json2ts mutates its input; work on a copy so the caller's schema stays as read.
  const copy = structuredClone(schema) as Record<string, unknown>;
  delete copy.examples;
  return compile(copy as never, name, { ...BASE_OPTIONS, cwd, bannerComment: banner, ...extra });
}

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples']);

function acceptsAnything(schema: Record<string, unknown>): boolean {
  return Object.keys(schema).every((key) => ANNOTATIONS.has(key));
}

/** TypeScript types for one vendor's envelopes, named by the manifest's typeName. */
export async function vendorTypesModule(vendor: VendorSource, schemasDir: string): Promise<string> {
  const parts: string[] = [];
  for (const [index, envelope] of vendor.envelopes.entries()) {
    const schema = vendor.schemas[envelope.name] as Record<string, unknown>;
    const banner = index === 0 ? generatedBanner(`schemas/${vendor.id}/*.schema.json`) : '';
    if (acceptsAnything(schema)) {
      // json2ts would describe an open object; a schema with no constraints admits strings too.
      parts.push(
        `${banner}\n\n/** ${String(schema.description ?? '')} */\nexport type ${envelope.typeName} = unknown;\n`,
      );
      continue;
    }
    parts.push(
      await compileSchema(
        { ...schema, title: envelope.typeName },
        envelope.typeName,
        join(schemasDir, vendor.id),
        banner,
      ),
    );
  }
  const codes = vendor.catalog.map((entry) => `  | '${entry.code}'`).join('\n');
  const typeName = `${vendor.envelopes[0]?.typeName.replace(/Error(Envelope|Body)$/, '')}ErrorCode`;
  parts.push(`/** Every code in ${vendor.name}'s catalog. */\nexport type ${typeName} =\n${codes};\n`);
  return parts.join('\n');
}

/**
 * Types for the catalog, policy and vendor manifest files. The meta schemas are compiled through
 * one wrapper schema so that each shared definition is declared exactly once.
 */
export async function metaTypesModule(schemasDir: string): Promise<string> {
  const wrapper = {
    title: 'MetaDocuments',
    type: 'object',
    properties: {
      catalog: { $ref: 'catalog.schema.json' },
      policy: { $ref: 'policy.schema.json' },
      common: { $ref: 'common.schema.json' },
    },
  };
  return compileSchema(
    wrapper,
    'MetaDocuments',
    join(schemasDir, 'meta'),
    generatedBanner('schemas/meta/*.schema.json'),
    {
      unreachableDefinitions: true,
      declareExternallyReferenced: true,
    },
  );
}
