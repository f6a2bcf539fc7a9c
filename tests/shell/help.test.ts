// The terminal's `help`: under docker it lists exactly the commands the declarations give a run (commands/supported.ts).

import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/engine/cli/command.ts';
import { dockerRoot } from '../../src/engine/commands/docker.ts';
import { supportedCommandNames } from '../../src/engine/commands/supported.ts';
import { createMachine, streamText } from '../../src/engine/index.ts';

/** The docker entry of `help`: its lines indented by four, joined back into one text. */
function dockerList(): string {
  const help = streamText(createMachine().exec('help'), 'stdout');
  const lines = help.split('\n');
  const start = lines.findIndex((line) => line.startsWith('  docker '));
  const listed: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('    ')) break;
    listed.push(line.trim());
  }
  return listed.join(' ');
}

/** Commands declared for the help texts but given no run, as a learner would type them (`commit` for `docker container commit`). */
function unplayed(def: CommandDef, found: string[] = []): string[] {
  if (!def.run && !def.shortcutOf && !def.subcommands?.length && def.path.length > 0) {
    const forms = [def.path.join(' '), ...(def.aliases ?? []).map((alias) => alias.replace(/^docker /, ''))];
    found.push(forms.reduce((best, form) => (form.split(' ').length < best.split(' ').length ? form : best)));
  }
  for (const child of def.subcommands ?? []) unplayed(child, found);
  return found;
}

describe('help', () => {
  it('lists under docker every command the declarations simulate, as a learner types it, and nothing else', () => {
    const list = dockerList();
    const match = /^Simulated: (.*); other commands and flags say that they are not\.$/.exec(list);
    expect(match).not.toBeNull();
    expect(splitTopLevel(match?.[1] ?? '')).toEqual(supportedCommandNames(dockerRoot));
  });

  it('leaves out a declared command that is not simulated', () => {
    // `build` stays: docker build is played as buildx build, though image build itself has no run.
    const played = new Set(supportedCommandNames(dockerRoot));
    const missing = unplayed(dockerRoot).filter((name) => !played.has(name));
    expect(missing).toContain('commit');
    const names = splitTopLevel(/^Simulated: (.*);/.exec(dockerList())?.[1] ?? '');
    for (const name of missing) expect(names).not.toContain(name);
  });
});

/** `a, b, compose (x, y), c` → `['a', 'b', 'compose (x, y)', 'c']`. */
function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}
