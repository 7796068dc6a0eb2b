import { spawn } from 'node:child_process';
import { type ClientRequest, request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { repoRoot } from '../helpers/paths.js';
import { eventually } from './helpers.js';

const HOLD = 'delay=600000';

/** Sends a GET the simulator holds for ten minutes; the caller decides when the client leaves. */
function heldRequest(origin: string, path = '/collate/api/v1/forms'): ClientRequest {
  const req = request(`${origin}${path}`, { headers: { 'x-simulator-fault': HOLD }, agent: false });
  req.on('error', () => {});
  req.end();
  return req;
}

function originOf(sim: RunningSimulator): string {
  return `http://127.0.0.1:${sim.port}`;
}

/** The answer to a request, with a deadline so a held one fails the test rather than hanging it. */
function answerOf(req: ClientRequest, deadlineMs = 3_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer in time')), deadlineMs);
    req.on('response', (res) => {
      res.resume();
      clearTimeout(timer);
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('requests held by a delay fault', () => {
  it('stop being held (handler and timer released) once their clients disconnect', async () => {
    const sim = await startSimulator({ vendors: ['collate'] });
    try {
      const requests = Array.from({ length: 40 }, () => heldRequest(originOf(sim)));
      await eventually(() => sim.stats('collate').heldRequests === 40);
      for (const req of requests) req.destroy();
      await eventually(() => sim.stats('collate').heldRequests === 0);
    } finally {
      await sim.close();
    }
  });

  it('are capped: past maxHeldRequests the next delayed request is refused at once with a 503', async () => {
    const sim = await startSimulator({ vendors: ['collate'], maxHeldRequests: 3 });
    const requests: ClientRequest[] = [];
    try {
      for (let i = 0; i < 3; i++) requests.push(heldRequest(originOf(sim)));
      await eventually(() => sim.stats('collate').heldRequests === 3);
      const extra = heldRequest(originOf(sim));
      requests.push(extra);
      expect(await answerOf(extra)).toBe(503);
      expect(sim.stats('collate').heldRequests).toBe(3);
    } finally {
      for (const req of requests) req.destroy();
      await sim.close();
    }
  });
});

describe('concurrent uploads', () => {
  it('are refused with a 503 once the bytes held across connections pass the server-wide cap', async () => {
    const sim = await startSimulator({ vendors: ['denialbase'], maxBufferedBodyBytes: 1024 * 1024 });
    const upload = (bytes: number) => {
      const req = request(`${originOf(sim)}/denialbase/api/v1/denials`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes * 2) },
      });
      req.on('error', () => {});
      // Half the declared body: the upload stays open, its bytes held by the server.
      req.write(Buffer.alloc(bytes, 1));
      return req;
    };
    const first = upload(700 * 1024);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = upload(700 * 1024);
      try {
        expect(await answerOf(second)).toBe(503);
      } finally {
        second.destroy();
      }
    } finally {
      first.destroy();
      await sim.close();
    }
  });
});

describe('error-contracts serve', () => {
  it('exits on the first SIGTERM even while clients are held by a delay fault', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'serve', '--vendor', 'collate', '--port', '0'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const held: ClientRequest[] = [];
    try {
      await eventually(() => /listening on 127\.0\.0\.1:(\d+)/.test(stdout), 30_000);
      const port = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
      for (let i = 0; i < 20; i++) held.push(heldRequest(`http://127.0.0.1:${port}`));
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5_000)),
      ]);
      expect(code).toBe(0);
      expect(stdout).toContain('Simulator stopped.');
    } finally {
      for (const req of held) req.destroy();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 45_000);
});
