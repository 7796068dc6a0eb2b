#!/usr/bin/env node
import { readBoundedFile, readBoundedStream } from '../fs/bounded-read.js';
import { runCli } from './run-cli.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: (maxBytes = Number.POSITIVE_INFINITY) =>
    readBoundedStream(process.stdin, maxBytes, 'standard input'),
  readFile: (path, maxBytes = Number.POSITIVE_INFINITY) => readBoundedFile(path, maxBytes, path),
  env: process.env,
  terminal: {
    stdout: process.stdout.isTTY === true,
    stderr: process.stderr.isTTY === true,
    stdin: process.stdin.isTTY === true,
    ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
  },
  onShutdown: (handler) => {
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
});
process.exitCode = exitCode;
