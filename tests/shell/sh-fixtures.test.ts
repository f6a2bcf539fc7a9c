// Replays the transcripts recorded from real dash 0.5.12 and BusyBox 1.35 (tests/shell/fixtures/dash, fixtures/busybox) in the simulated shell.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../support/transcript.ts';
import { makeShell } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

for (const flavor of ['dash', 'busybox'] as const) {
  const folder = join(FIXTURES, flavor);
  const names = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.txt')) : [];
  for (const name of names) {
    describe(`${flavor} fixture ${name}`, () => {
      const transcript = parseTranscript(readFileSync(join(folder, name), 'utf8'));
      const clock = transcript.header.find((line) => line.startsWith('clock: '));
      const shell = makeShell({ flavor, user: 'root', clock: clock ? Date.parse(clock.slice('clock: '.length)) : undefined });
      if (flavor === 'busybox') shell.session.env.PATH = '/usr/sbin:/usr/bin:/sbin:/bin';
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
}
