// Re-records tests/shell/fixtures/*.txt from the real bash and coreutils: `npx node tests/shell/record-bash-fixtures.ts`.
//
// Each command runs with `bash -c` in one temporary directory per file (so files carry over from
// command to command, variables do not), and the texts are turned into what the interactive shell
// shows: `bash: line 1: ` becomes `bash: `, and a syntax error loses the line bash -c echoes after it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTranscript, parseTranscript } from '../support/transcript.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function interactive(text: string, dir: string): string {
  return text
    .replaceAll(dir, '/home/learner')
    .split('\n')
    .filter((line) => !/^bash: -c: line \d+: `.*'$/.test(line))
    .map((line) => line.replace(/^bash: (-c: )?line \d+: /, 'bash: '))
    .join('\n');
}

for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.txt'))) {
  const path = join(FIXTURES, name);
  const transcript = parseTranscript(readFileSync(path, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'shell-fixture-'));
  const home = join(dir, 'home', 'learner');
  spawnSync('mkdir', ['-p', home]);
  for (const entry of transcript.entries) {
    const result = spawnSync('bash', ['-c', entry.command], {
      cwd: home,
      encoding: 'utf8',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, USER: 'learner', PWD: home, LC_ALL: 'C.UTF-8', TERM: 'dumb' },
    });
    entry.stdout = interactive(result.stdout, home);
    entry.stderr = interactive(result.stderr, home);
    entry.exitCode = result.status ?? 1;
  }
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(path, formatTranscript(transcript));
  console.log(`recorded ${name}: ${transcript.entries.length} commands`);
}
