// bash's history in memory: the last HISTSIZE=500 entries, numbered on from the first line ever typed.

import { describe, expect, it } from 'vitest';
import { createMachine, loadMachine, streamText } from '../../src/engine/index.ts';
import { HISTORY_SIZE } from '../../src/engine/shell/session.ts';
import { makeShell } from './helpers.ts';

describe('history', () => {
  it('keeps only the last 500 entries, as bash does by default', () => {
    const shell = makeShell();
    for (let i = 1; i <= 600; i++) shell.run(`echo ${i}`);
    expect(HISTORY_SIZE).toBe(500);
    expect(shell.session.history).toHaveLength(500);
    expect(shell.session.history[0]).toBe('echo 101');
  });

  it("keeps the machine's saved state from growing with the session", () => {
    const machine = createMachine();
    for (let i = 1; i <= 700; i++) machine.exec(`echo ${i}`);
    const host = JSON.parse(machine.serialize()).host;
    expect(host.history).toHaveLength(500);
    expect(host.historyBase).toBe(200);
    const reloaded = loadMachine(machine.serialize());
    if (!reloaded.ok) throw new Error(reloaded.error);
    expect(streamText(reloaded.machine.exec('history 1'), 'stdout')).toBe('  701  history 1\n');
  });

  it('goes on numbering the entries it keeps', () => {
    const shell = makeShell();
    for (let i = 1; i <= 600; i++) shell.run(`echo ${i}`);
    expect(shell.run('history 3').stdout).toBe('  599  echo 599\n  600  echo 600\n  601  history 3\n');
    const listed = shell.run('history').stdout.split('\n').filter(Boolean);
    expect(listed).toHaveLength(500);
    expect(listed[0]).toBe('  103  echo 103');
    expect(listed.at(-1)).toBe('  602  history');
  });

  it('numbers from 1 again after history -c', () => {
    const shell = makeShell();
    for (let i = 1; i <= 505; i++) shell.run(`echo ${i}`);
    shell.run('history -c');
    expect(shell.run('history').stdout).toBe('    1  history\n');
  });
});
