import { describe, expect, it } from 'vitest';
import { startDialectB } from './index.js';
import { atPointer } from './kit/cases.js';
import { call, operationUrl } from './kit/client.js';
import type { ExamplePlay } from './kit/examples.js';
import type { DialectDirectory, VendorId } from './types.js';
import { dialectBVendorIds, loadDialectBExamples } from './vendors.js';

/** The vendors that say how their example bodies are played (`<v>/examples.ts`), with that play. */
const PLAYED = (
  await Promise.all(dialectBVendorIds().map(async (id) => [id, await loadDialectBExamples(id)] as const))
).flatMap(([id, play]) => (play ? [[id, play] as const] : []));
const PLAY = new Map<VendorId, ExamplePlay>(PLAYED);

describe('dialect B start', () => {
  it('starts every vendor it has on loopback, fresh each time, and closes them all', async () => {
    const first = await startDialectB();
    const second = await startDialectB();
    try {
      const vendors = Object.keys(first.directory) as VendorId[];
      expect(vendors.sort()).toEqual(dialectBVendorIds());
      for (const vendor of vendors) {
        const one = first.directory[vendor];
        const other = second.directory[vendor];
        expect(one?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(JSON.stringify(one?.credentials)).not.toBe(JSON.stringify(other?.credentials));
        expect(JSON.stringify(one?.facts)).not.toBe(JSON.stringify(other?.facts));
      }
    } finally {
      await second.close();
      await first.close();
    }
    for (const directory of Object.values(first.directory))
      await expect(fetch(`${directory?.baseUrl}/`)).rejects.toThrow();
  });

  it('refuses a seeded bug that names no vendor, or that its vendor does not define', async () => {
    await expect(startDialectB({ bugs: ['nobody.some-bug'] })).rejects.toThrow(/names no vendor/);
    for (const vendor of dialectBVendorIds()) {
      const bug = `${vendor}.no-such-bug`;
      await expect(startDialectB({ vendors: [vendor], bugs: [bug] })).rejects.toThrow(
        new RegExp(`unknown.*${bug.replace('.', '\\.')}`, 'i'),
      );
    }
  });

  it('succeeds with every example body of every operation', async () => {
    const dialect = await startDialectB({ vendors: [...PLAY.keys()] });
    try {
      for (const [vendor, directory] of Object.entries(dialect.directory) as [VendorId, DialectDirectory][]) {
        const play = PLAY.get(vendor) as ExamplePlay;
        const headers = await play.authenticate(directory);
        const names = Object.keys(directory.operations).filter((name) => !play.notPlayed?.includes(name));
        // Deletes go last so that the records the other examples use are still there.
        names.sort(
          (a, b) =>
            Number(directory.operations[a]?.method === 'DELETE') -
            Number(directory.operations[b]?.method === 'DELETE'),
        );
        for (const name of names) {
          const operation = directory.operations[name];
          if (operation === undefined) continue;
          const params = Object.fromEntries(
            Object.entries(play.params?.[name] ?? {}).map(([param, fact]) => [
              param,
              directory.facts[fact] ?? '',
            ]),
          );
          const body = operation.body;
          const reply = await call(operationUrl(directory, name, params), {
            method: operation.method,
            headers: {
              ...headers,
              ...(operation.contentType ? { 'content-type': operation.contentType } : {}),
            },
            ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          expect(reply.status, `${vendor}.${name}: ${reply.text}`).toBeLessThan(300);
          if (operation.idPointer !== undefined) {
            expect(typeof atPointer(reply.body, operation.idPointer), `${vendor}.${name}`).toBe('number');
          }
        }
      }
    } finally {
      await dialect.close();
    }
  });
});
