import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generatedBanner } from './banner.js';
import type { VendorSource } from './load-vendors.js';

/**
 * The hand-written modules every vendor brings beside schemas/<vendor>/, and the generated index
 * that imports them statically. Static imports keep the bundle and the type checker honest: a
 * registry vendor whose module lacks the export fails to compile, and one whose file is missing
 * stops generation with the path it expected.
 */
interface VendorModuleKind {
  /** Where the generated index is written, relative to the repository root. */
  output: string;
  /** The vendor's own module, relative to the repository root (a .ts source). */
  source: (id: string) => string;
  /** The name the module exports. */
  exportName: string;
  /** The type each export must have, and where it comes from (relative to src/generated/). */
  type: { name: string; from: string; argument?: string };
  /** The name of the map the index exports, keyed by vendor id. */
  mapName: string;
  doc: string;
}

export const VENDOR_MODULE_KINDS: readonly VendorModuleKind[] = [
  {
    output: 'src/generated/simulator-models.ts',
    source: (id) => `src/simulator/vendors/${id}/index.ts`,
    exportName: 'model',
    type: { name: 'VendorModel', from: '../simulator/types.js', argument: 'unknown' },
    mapName: 'vendorModels',
    doc: "Each vendor's behaviour model, found at src/simulator/vendors/<vendor>/index.ts.",
  },
  {
    output: 'src/generated/scenario-data.ts',
    source: (id) => `src/scenarios/vendors/${id}.ts`,
    exportName: 'scenarios',
    type: { name: 'VendorScenarios', from: '../scenarios/types.js' },
    mapName: 'vendorScenarios',
    doc: "Each vendor's scenario data, found at src/scenarios/vendors/<vendor>.ts.",
  },
];

/** The source files a registry vendor is missing, one message each. */
export function missingVendorModules(root: string, vendors: readonly VendorSource[]): string[] {
  return VENDOR_MODULE_KINDS.flatMap((kind) =>
    vendors
      .filter((vendor) => !existsSync(join(root, kind.source(vendor.id))))
      .map(
        (vendor) =>
          `${kind.source(vendor.id)}: missing; vendor "${vendor.id}" (schemas/${vendor.id}/) needs it to export \`${kind.exportName}\``,
      ),
  );
}

/** The generated index of one kind: a static import of every vendor's module, in registry order. */
export function vendorModuleIndex(kind: VendorModuleKind, vendors: readonly VendorSource[]): string {
  const importPath = (id: string) =>
    `../${kind
      .source(id)
      .replace(/^src\//, '')
      .replace(/\.ts$/, '.js')}`;
  const typeName = kind.type.argument ? `${kind.type.name}<${kind.type.argument}>` : kind.type.name;
  return `${generatedBanner(`schemas/*/vendor.json and ${kind.source('<vendor>')}`)}
import type { ${kind.type.name} } from '${kind.type.from}';
import type { VendorId } from './registry.js';
${vendors.map((v) => `import { ${kind.exportName} as ${v.id} } from '${importPath(v.id)}';`).join('\n')}

/** ${kind.doc} Typed by VendorId, so the registry and this index cannot disagree. */
export const ${kind.mapName}: { readonly [V in VendorId]: ${typeName} } = {
${vendors.map((v) => `  ${v.id},`).join('\n')}
};
`;
}
