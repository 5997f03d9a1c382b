// Entry point of the headless runner: `npm run --silent sim -- <scenario.yaml> [options]`
// (docs: scenario-format.md). Wires runCli to Node's files, stdio and the engine.

import { readFileSync, statSync } from 'node:fs';
import { runScenario } from '../engine/index';
import { MAX_SCENARIO_CHARS } from '../scenario/parse';
import { runCli } from './run';
import type { CliDeps } from './run';

/** Files beyond this many bytes are not read at all (UTF-8 may use 4 bytes a character). */
const MAX_FILE_BYTES = 4 * MAX_SCENARIO_CHARS;

function read(file: string): string | { tooLargeBytes: number } {
  if (file === '-') return readFileSync(0, 'utf8');
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) return { tooLargeBytes: size };
  return readFileSync(file, 'utf8');
}

function systemMessage(e: unknown): Error {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return new Error('no such file');
  if (err && err.code === 'EISDIR') return new Error('is a directory');
  if (err && err.code === 'EACCES') return new Error('permission denied');
  return e instanceof Error ? e : new Error(String(e));
}

const deps: CliDeps = {
  io: {
    read(file) {
      try {
        return read(file);
      } catch (e) {
        throw systemMessage(e);
      }
    },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  },
  engine: async () => ({ runScenario }),
};

// A closed pipe (`... | head`) is not an error of the runner.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`internal error: ${e.message}\n`);
  process.exitCode = process.exitCode ?? 1;
});

runCli(process.argv.slice(2), deps).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
