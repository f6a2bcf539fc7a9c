// BusyBox's ls on a terminal and its -l details, against what BusyBox 1.35's ls printed on a pseudo-terminal (`script`), colours on as in the images.

import { describe, expect, it } from 'vitest';
import { busyboxDate, humanSize } from '../../src/engine/shell/builtins/busybox-ls.ts';
import { makeShell, type TestShell } from './helpers.ts';

const RECORDED_AT = Date.parse('2026-12-04T17:15:00Z');

/** The folder the recordings listed: three folders, five files, a script and a link, all made at 15:00. */
function project(): TestShell {
  const shell = makeShell({ flavor: 'busybox', user: 'root', clock: Date.parse('2026-12-04T15:00:00Z') });
  shell.run('mkdir app data logs && touch Dockerfile README.md compose.yaml requirements.txt notes');
  shell.run("printf '#!/bin/sh\\n' > run.sh && chmod +x run.sh");
  shell.state.clock = RECORDED_AT;
  shell.run('ln -s notes notes-link');
  return shell;
}

const c = (code: string, name: string) => `\x1b[${code}m${name}\x1b[m`;

describe("BusyBox ls on a terminal", () => {
  it('fills columns down, padded with spaces to the longest name plus two, in one column less than the width, coloured', () => {
    const shell = project();
    expect(shell.run('ls', { tty: true, columns: 40 }).stdout).toBe(
      `${c('0;0', 'Dockerfile')}        ${c('1;34', 'logs')}\n` +
        `${c('0;0', 'README.md')}         ${c('0;0', 'notes')}\n` +
        `${c('1;34', 'app')}               ${c('1;36', 'notes-link')}\n` +
        `${c('0;0', 'compose.yaml')}      ${c('0;0', 'requirements.txt')}\n` +
        `${c('1;34', 'data')}              ${c('1;32', 'run.sh')}\n`,
    );
  });

  it('fills across with -x and leaves colour out with --color=never; -F marks come after the name', () => {
    const shell = project();
    expect(shell.run('ls -x', { tty: true, columns: 80 }).stdout).toBe(
      `${c('0;0', 'Dockerfile')}        ${c('0;0', 'README.md')}         ${c('1;34', 'app')}               ${c('0;0', 'compose.yaml')}\n` +
        `${c('1;34', 'data')}              ${c('1;34', 'logs')}              ${c('0;0', 'notes')}             ${c('1;36', 'notes-link')}\n` +
        `${c('0;0', 'requirements.txt')}  ${c('1;32', 'run.sh')}\n`,
    );
    expect(shell.run('ls --color=never -F', { tty: true, columns: 40 }).stdout).toBe(
      'Dockerfile        logs/\nREADME.md         notes\napp/              notes-link@\ncompose.yaml      requirements.txt\ndata/             run.sh*\n',
    );
  });

  it('colours a link and its target in -l, and heads a folder named with files', () => {
    const shell = project();
    expect(shell.run('ls -l notes-link run.sh app', { tty: true, columns: 80 }).stdout).toBe(
      `lrwxrwxrwx    1 root     root             5 Dec  4 17:15 ${c('1;36', 'notes-link')} -> ${c('0;0', 'notes')}\n` +
        `-rwxr-xr-x    1 root     root            10 Dec  4 15:00 ${c('1;32', 'run.sh')}\n` +
        '\napp:\ntotal 0\n',
    );
  });

  it('lists one name a line when piped, without colour', () => {
    const shell = project();
    expect(shell.run('ls | head -n 3').stdout).toBe('Dockerfile\nREADME.md\napp\n');
  });
});

describe('BusyBox ls -l', () => {
  it('shows the time for half a year back and 15 minutes ahead, the year beyond', () => {
    const now = Date.parse('2026-12-04T17:13:00Z');
    const halfYear = (365 * 86400 * 1000) / 2;
    expect(busyboxDate(now - halfYear + 1000, now)).toBe('Jun  5 05:13');
    expect(busyboxDate(now - halfYear - 1000, now)).toBe('Jun  5  2026');
    expect(busyboxDate(now + 14 * 60_000, now)).toBe('Dec  4 17:27');
    expect(busyboxDate(now + 16 * 60_000, now)).toBe('Dec  4  2026');
  });

  it('sizes -h with one rounded tenth (1024.0K before 1.0M) and totals to the nearest unit', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [1023, '1023'],
      [1024, '1.0K'],
      [1536, '1.5K'],
      [10239, '10.0K'],
      [12345, '12.1K'],
      [123456, '120.6K'],
      [1048575, '1024.0K'],
      [1048576, '1.0M'],
      [1572864, '1.5M'],
      [1073741824, '1.0G'],
    ];
    for (const [bytes, shown] of cases) expect(humanSize(bytes, true)).toBe(shown);
    expect(humanSize(1216 * 1024, false)).toBe('1M');
    expect(humanSize(1856 * 1024, false)).toBe('2M');
    expect(humanSize(8 * 1024, false)).toBe('8K');
  });
});
