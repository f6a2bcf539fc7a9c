// Help pages rendered from the command declarations equal the real docker 28.2.2 client's, byte for byte.

import { describe, expect, it } from 'vitest';
import { helpWidth, renderFlagUsages, renderHelp, LINUX_DAEMON } from '../../src/engine/cli/help.ts';
import type { FlagDef } from '../../src/engine/cli/command.ts';
import { classicDockerRoot, dockerRoot } from '../../src/engine/commands/docker.ts';
import { runCommand } from '../../src/engine/commands/container/run.ts';
import { isHelpFixture, loadFixtures, replay } from './docker-cli-fixtures.ts';

const helpFixtures = loadFixtures().filter(isHelpFixture);

describe('help pages match the recorded client', () => {
  it('has help fixtures to compare against', () => {
    expect(helpFixtures.length).toBeGreaterThan(300);
  });

  it.each(helpFixtures.map((fixture) => [`${fixture.file}: ${fixture.command}`, fixture] as const))('%s', (_name, fixture) => {
    const result = replay(fixture);
    expect(result.stdout).toBe(fixture.stdout);
    expect(result.stderr).toBe(fixture.stderr);
    expect(result.exitCode).toBe(fixture.exitCode);
  });
});

describe('option columns (pflag FlagUsagesWrapped)', () => {
  const flags: FlagDef[] = [
    { name: 'zeta', kind: 'bool', type: '', usage: 'Last by name' },
    { name: 'alpha', shorthand: 'a', kind: 'string', type: 'string', usage: 'First by name', defaultText: '"x"' },
  ];

  it('sorts flags by name and aligns the usage column after the widest name', () => {
    expect(renderFlagUsages(flags, 79, '/home/learner')).toBe(
      '  -a, --alpha string   First by name (default "x")\n      --zeta           Last by name\n',
    );
  });

  it('wraps usage text at the last space that fits and indents continuation lines', () => {
    const long: FlagDef = { name: 'note', kind: 'string', type: 'string', usage: 'one two three four five six seven eight nine ten eleven twelve' };
    expect(renderFlagUsages([long], 50, '')).toBe(
      '      --note string   one two three four\n                      five six seven eight\n                      nine ten eleven twelve\n',
    );
  });

  it('keeps a short last word on the line when it fits within the slop', () => {
    const flag: FlagDef = { name: 'x', kind: 'bool', type: '', usage: 'aaaa bbbb cccc dddd eeee ffff gggg hh' };
    expect(renderFlagUsages([flag], 50, '')).toBe('      --x   aaaa bbbb cccc dddd eeee ffff gggg hh\n');
  });

  it('replaces $HOME in defaults with the home directory', () => {
    const flag: FlagDef = { name: 'config', kind: 'string', type: 'string', usage: 'Config', defaultText: '"$HOME/.docker"' };
    expect(renderFlagUsages([flag], 79, '/home/learner')).toContain('(default "/home/learner/.docker")');
  });
});

describe('help width', () => {
  it('follows the terminal on stdin, and is 80 columns otherwise', () => {
    expect(helpWidth(true, 132)).toBe(132);
    expect(helpWidth(false, 132)).toBe(80);
  });

  it('wraps options to one column less than the width', () => {
    const narrow = renderHelp(runCommand, [], { width: 70, daemon: null, home: '/root' });
    const lines = narrow.split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(69);
  });
});

describe('what a reachable daemon hides', () => {
  it('drops Windows-only flags from help on a Linux daemon', () => {
    const withDaemon = renderHelp(runCommand, [], { width: 80, daemon: LINUX_DAEMON, home: '/root' });
    const without = renderHelp(runCommand, [], { width: 80, daemon: null, home: '/root' });
    expect(without).toContain('--cpu-count');
    expect(withDaemon).not.toContain('--cpu-count');
  });

  it('marks CLI plugins with a star among the management commands, as the real client lists buildx and compose', () => {
    const text = renderHelp(dockerRoot, [], { width: 80, daemon: null, home: '/root' });
    expect(text).toContain('  builder     Manage builds\n  buildx*     Docker Buildx\n  checkpoint  Manage checkpoints\n  compose*    Docker Compose\n  container   Manage containers\n');
    expect(renderHelp(classicDockerRoot, [], { width: 80, daemon: LINUX_DAEMON, home: '/root' })).not.toContain('compose*');
  });

  it('lists only `swarm` under Swarm Commands when the node is in no swarm', () => {
    const text = renderHelp(dockerRoot, [], { width: 80, daemon: LINUX_DAEMON, home: '/root' });
    expect(text).toContain('Swarm Commands:\n  swarm       Manage Swarm\n\nCommands:');
  });
});
