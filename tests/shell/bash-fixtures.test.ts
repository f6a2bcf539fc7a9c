// Replays the transcripts recorded from real bash 5.2 and GNU coreutils 9.1 (tests/shell/fixtures/) in the simulated shell.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../support/transcript.ts';
import { makeShell } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.txt'))) {
  describe(`bash fixture ${name}`, () => {
    const transcript = parseTranscript(readFileSync(join(FIXTURES, name), 'utf8'));
    const shell = makeShell();
    for (const entry of transcript.entries) {
      it(`$ ${entry.command}`, () => {
        const result = shell.run(entry.command);
        expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
          stdout: entry.stdout,
          stderr: entry.stderr,
          exitCode: entry.exitCode,
        });
      });
    }
  });
}
