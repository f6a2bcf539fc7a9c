// Re-records tests/shell/fixtures/{dash,busybox}/*.txt from the real dash and BusyBox: `npx node tests/shell/record-sh-fixtures.ts [busybox/files.txt …]`.
//
// Each command runs as `sh -c` (argv[0] `sh`) in one temporary folder per file, as root, so files carry
// over from command to command and variables do not. BusyBox runs with a PATH of its own applets only.
// The texts are turned into what the interactive shell shows: dash numbers the lines it has read in
// the whole session, so its line numbers are shifted by the lines of the commands before; ash gives no
// line number interactively. A `# clock:` header keeps the time of the recording, for `ls -l`. The usage
// texts name the BusyBox at hand (Debian's 1.35); they are given the images' 1.37 banner.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_BANNER } from '../../src/engine/shell/builtins/busybox-usage.ts';
import { formatTranscript, parseTranscript, type Transcript } from '../support/transcript.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const HOME = '/root';
const BUSYBOX = '/usr/bin/busybox';
const DASH = '/usr/bin/dash';

/** Lines a source counts for as the interactive shell reads it (see runShell). */
function linesOf(source: string): number {
  return source.replace(/\n$/, '').split('\n').length;
}

function dashInteractive(text: string, linesBefore: number): string {
  return text.replace(/^sh: (\d+): /gm, (_match, line: string) => `sh: ${Number(line) + linesBefore}: `);
}

function busyboxInteractive(text: string): string {
  return text.replace(/^(sh: (?:[^ :]+: )?)line -?\d+: /gm, '$1').replace(/^BusyBox v[0-9.]+ \(.*\) multi-call binary\.$/gm, BUSYBOX_BANNER);
}

/** A folder of links to BusyBox, one per applet, to be the PATH. */
function appletFolder(root: string): string {
  const folder = join(root, 'applets');
  mkdirSync(folder);
  const list = spawnSync(BUSYBOX, ['--list'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const applet of list) symlinkSync(BUSYBOX, join(folder, applet));
  return folder;
}

function recordFile(path: string, flavor: 'dash' | 'busybox'): number {
  const transcript: Transcript = parseTranscript(readFileSync(path, 'utf8'));
  const root = mkdtempSync(join(tmpdir(), 'sh-fixture-'));
  const home = join(root, 'root');
  mkdirSync(home);
  const applets = flavor === 'busybox' ? appletFolder(root) : '';
  const started = Date.now();
  let linesBefore = 0;
  for (const entry of transcript.entries) {
    const [file, args] = flavor === 'dash' ? [DASH, ['-c', entry.command]] : [BUSYBOX, ['-c', entry.command]];
    const result = spawnSync(file, args, {
      argv0: 'sh',
      cwd: home,
      encoding: 'utf8',
      env: { PATH: flavor === 'busybox' ? applets : '/usr/local/bin:/usr/bin:/bin', HOME: home, PWD: home, USER: 'root', LC_ALL: 'C.UTF-8', TERM: 'dumb', TZ: 'UTC' },
    });
    // The applets stand where the images keep them.
    const local = (text: string) => text.replaceAll(home, HOME).replaceAll(applets === '' ? home : applets, '/bin');
    entry.stdout = flavor === 'dash' ? local(result.stdout) : busyboxInteractive(local(result.stdout));
    entry.stderr = flavor === 'dash' ? dashInteractive(local(result.stderr), linesBefore) : busyboxInteractive(local(result.stderr));
    entry.exitCode = result.status ?? 1;
    linesBefore += linesOf(entry.command);
  }
  rmSync(root, { recursive: true, force: true });
  // `ls -l` shows minutes: a recording that crossed one is made again.
  if (Math.floor(Date.now() / 60000) !== Math.floor(started / 60000)) return -1;
  transcript.header = [...transcript.header.filter((line) => !line.startsWith('clock: ')), `clock: ${new Date(started).toISOString()}`];
  writeFileSync(path, formatTranscript(transcript));
  return transcript.entries.length;
}

const only = process.argv.slice(2);
for (const flavor of ['dash', 'busybox'] as const) {
  const folder = join(FIXTURES, flavor);
  if (!existsSync(folder)) continue;
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
    if (only.length > 0 && !only.includes(`${flavor}/${name}`)) continue;
    let count = recordFile(join(folder, name), flavor);
    if (count < 0) count = recordFile(join(folder, name), flavor);
    console.log(`recorded ${flavor}/${name}: ${count} commands`);
  }
}
