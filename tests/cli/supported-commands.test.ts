// The list of supported commands and flags comes from the declarations: as Markdown for the notes, and in the terminal's help.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/engine/cli/command.ts';
import { shortcut } from '../../src/engine/cli/shortcut.ts';
import { dockerRoot } from '../../src/engine/commands/docker.ts';
import { dockerHelpSummary, supportedCommandNames, supportedCommands, supportedCommandsMarkdown } from '../../src/engine/commands/supported.ts';
import { createMachine, streamText } from '../../src/engine/index.ts';

const ls: CommandDef = {
  path: ['thing', 'ls'],
  use: 'ls',
  aliases: ['docker thing ls', 'docker thing list', 'docker things'],
  short: 'List things',
  flags: [
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only IDs' },
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'All' },
    { name: 'format', kind: 'string', type: 'string', usage: 'Format' },
  ],
  supportedFlags: ['quiet', 'all'],
  run: () => 0,
};
const make: CommandDef = { path: ['thing', 'make'], use: 'make', aliases: ['docker thing make'], short: 'Make one', flags: [], supportedFlags: [], run: () => 0 };
const unplayed: CommandDef = { path: ['thing', 'drop'], use: 'drop', short: 'Not simulated', flags: [] };
const root: CommandDef = {
  path: [],
  use: 'docker [OPTIONS] COMMAND [ARG...]',
  short: 'Root',
  flags: [{ name: 'debug', shorthand: 'D', kind: 'bool', type: '', usage: 'Debug' }],
  supportedFlags: ['debug'],
  subcommands: [{ path: ['thing'], use: 'thing', short: 'Things', flags: [], subcommands: [ls, make, unplayed] }, shortcut(ls, ['things'])],
};

describe('the supported list', () => {
  it('has one entry per command with a run, shortcuts counted as its other names', () => {
    expect(supportedCommands(root)).toEqual([
      { path: 'docker thing ls', aliases: ['docker thing list', 'docker things'], flags: ['-a, --all', '-q, --quiet'] },
      { path: 'docker thing make', aliases: [], flags: [] },
    ]);
  });

  it('prints as a Markdown table with the global options after it', () => {
    const markdown = supportedCommandsMarkdown(root);
    expect(markdown).toContain('| Command | Also typed as | Supported flags |\n| --- | --- | --- |\n');
    expect(markdown).toContain('| `docker thing ls` | `docker thing list`, `docker things` | `-a, --all`, `-q, --quiet` |\n');
    expect(markdown).toContain('| `docker thing make` |  | none |\n');
    expect(markdown).toContain('Global options honoured: `-D, --debug`');
    expect(markdown).not.toContain('drop');
  });

  it('names commands as typed, folding a group into one entry', () => {
    expect(supportedCommandNames(root)).toEqual(['things', 'thing (make)']);
  });

  it('is what npm run --silent supported prints for the real declarations', () => {
    const result = spawnSync(process.execPath, ['--no-warnings', join(import.meta.dirname, '..', '..', 'scripts', 'supported-commands.ts')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(supportedCommandsMarkdown(dockerRoot));
    expect(result.stdout).toContain('| `docker container run` | `docker run` |');
  });
});

describe('help in the terminal', () => {
  it('keeps the docker entry within 80 columns once the help builtin indents it', () => {
    const summary = dockerHelpSummary(dockerRoot);
    const [first, ...rest] = summary.split('\n');
    expect(`  ${'docker'.padEnd(16)}${first}`.length).toBeLessThanOrEqual(80);
    for (const line of rest) expect(line.length).toBeLessThanOrEqual(80);
    expect(summary).toContain('Simulated: ');
    expect(summary).toMatch(/\brun\b/);
  });

  it('lists the simulated docker commands under docker, and docker-compose', () => {
    const text = streamText(createMachine().exec('help'), 'stdout');
    expect(text).toContain(`  docker          ${dockerHelpSummary(dockerRoot)}\n`);
    expect(text).toContain('  docker-compose  Compose v2 under its v1 name: runs docker compose\n');
  });
});
