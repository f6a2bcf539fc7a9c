// Usage and flag errors equal the real client's (replayed through runDocker), and the pflag grammar behind them.

import { describe, expect, it } from 'vitest';
import type { CommandDef, FlagDef, Invocation } from '../../src/engine/cli/command.ts';
import { runDocker } from '../../src/engine/cli/dispatch.ts';
import { parseFlags } from '../../src/engine/cli/flags.ts';
import { parseGoDuration, parseGoInt, parseGoUint, parseNanoCpus } from '../../src/engine/cli/values.ts';
import { shortcut } from '../../src/engine/cli/shortcut.ts';
import { Output, type CommandContext } from '../../src/engine/exec/context.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import { dockerRoot } from '../../src/engine/commands/docker.ts';
import { isCliLayerFixture, isHelpFixture, loadFixtures, replay, splitWords } from './docker-cli-fixtures.ts';

const fixtures = loadFixtures();
const usageFixtures = fixtures.filter((fixture) => isCliLayerFixture(fixture) && !isHelpFixture(fixture));

describe('usage and flag errors match the recorded client', () => {
  it('has usage fixtures to compare against', () => {
    expect(usageFixtures.length).toBeGreaterThan(400);
  });

  it.each(usageFixtures.map((fixture) => [`${fixture.file}: ${fixture.command}`, fixture] as const))('%s', (_name, fixture) => {
    const result = replay(fixture);
    expect(result.stdout).toBe(fixture.stdout);
    expect(result.stderr).toBe(fixture.stderr);
    expect(result.exitCode).toBe(fixture.exitCode);
  });
});

/** The declaration a command line reaches, following names and cobra aliases (flags before names are skipped). */
function commandOf(line: string): CommandDef | undefined {
  let def: CommandDef | undefined = dockerRoot;
  for (const word of splitWords(line).slice(1)) {
    if (word.startsWith('-')) continue;
    const next: CommandDef | undefined = def?.subcommands?.find((child) => child.path.at(-1) === word || (child.aliases ?? []).some((alias) => alias.endsWith(` ${word}`) && alias.split(' ').length === child.path.length + 1));
    if (!next) break;
    def = next;
  }
  return def === dockerRoot ? undefined : def;
}

/**
 * Client-side checks a command makes once it runs (`docker: invalid containerPort: abc`) belong to
 * its `run`; these are where the simulated command still differs from the recording, and why.
 */
describe('command-level client checks match the recorded client', () => {
  const commandFixtures = fixtures.filter((fixture) => !isCliLayerFixture(fixture));
  for (const fixture of commandFixtures) {
    const name = `${fixture.file}: ${fixture.command}`;
    const def = commandOf(fixture.command);
    if (!(def?.run ?? def?.shortcutOf?.run)) {
      // Not simulated, or recorded from a client without the buildx plugin (`docker build`).
      it.todo(`${name} (no simulated run for this client)`);
      continue;
    }
    it(name, () => {
      const result = replay(fixture);
      expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
        stdout: fixture.stdout,
        stderr: fixture.stderr,
        exitCode: fixture.exitCode,
      });
    });
  }
});

const FLAGS: FlagDef[] = [
  { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: '' },
  { name: 'tty', shorthand: 't', kind: 'bool', type: '', usage: '' },
  { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: '' },
  { name: 'publish', shorthand: 'p', kind: 'list', type: 'list', usage: '' },
  { name: 'name', kind: 'string', type: 'string', usage: '' },
  { name: 'last', shorthand: 'n', kind: 'int', type: 'int', usage: '', defaultValue: -1 },
  { name: 'memory', shorthand: 'm', kind: 'bytes', type: 'bytes', usage: '' },
];

function parse(argv: string[], interspersed = true) {
  const result = parseFlags(FLAGS, argv, { interspersed });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('pflag grammar', () => {
  it('reads combined bool shorthands', () => {
    const result = parse(['-it', 'ubuntu']);
    expect(result.flags).toMatchObject({ interactive: true, tty: true });
    expect(result.args).toEqual(['ubuntu']);
  });

  it('lets the last shorthand of a group take the next word as its value', () => {
    expect(parse(['-dp', '8080:80', 'nginx']).flags).toMatchObject({ detach: true, publish: ['8080:80'] });
  });

  it('takes the rest of a group as the value (-p8080:80, -n=3)', () => {
    expect(parse(['-p8080:80']).flags.publish).toEqual(['8080:80']);
    expect(parse(['-n=3']).flags.last).toBe(3);
  });

  it('accepts --name value and --name=value alike', () => {
    expect(parse(['--name', 'web']).flags.name).toBe('web');
    expect(parse(['--name=web']).flags.name).toBe('web');
    expect(parse(['--name=']).flags.name).toBe('');
  });

  it('gives a value flag the next word even when it looks like a flag', () => {
    expect(parse(['--name', '--detach']).flags.name).toBe('--detach');
  });

  it('sets bools without a value and reads --flag=false', () => {
    expect(parse(['--detach']).flags.detach).toBe(true);
    expect(parse(['--detach=false']).flags.detach).toBe(false);
    expect(parse(['--detach', 'false']).args).toEqual(['false']);
  });

  it('appends every occurrence of a list flag', () => {
    expect(parse(['-p', '80', '--publish', '443', '-p=8080']).flags.publish).toEqual(['80', '443', '8080']);
  });

  it('ends flags at --', () => {
    const result = parse(['-d', '--', '-i', '--name']);
    expect(result.flags.detach).toBe(true);
    expect(result.args).toEqual(['-i', '--name']);
  });

  it('treats a lone - as an argument', () => {
    expect(parse(['-', '-d']).args).toEqual(['-']);
  });

  it('stops at the first argument when not interspersed (docker run IMAGE COMMAND...)', () => {
    const result = parse(['-it', 'ubuntu', 'ls', '-la', '--name', 'x'], false);
    expect(result.flags).toMatchObject({ interactive: true, tty: true });
    expect(result.flags.name).toBeUndefined();
    expect(result.args).toEqual(['ubuntu', 'ls', '-la', '--name', 'x']);
  });

  it('keeps parsing flags after arguments when interspersed', () => {
    expect(parse(['a', '-d', 'b']).args).toEqual(['a', 'b']);
  });

  it('fills defaults and records what was given', () => {
    const result = parse(['-d']);
    expect(result.flags.last).toBe(-1);
    expect([...result.given]).toEqual(['detach']);
  });

  it('parses bytes and ints through their types', () => {
    expect(parse(['-m', '512m']).flags.memory).toBe(512 * 1024 * 1024);
    expect(parse(['-n', '0x10']).flags.last).toBe(16);
  });

  it('reports pflag errors with pflag words', () => {
    const error = (argv: string[]) => {
      const result = parseFlags(FLAGS, argv, { interspersed: true });
      return result.ok ? 'ok' : result.error;
    };
    expect(error(['--foo'])).toBe('unknown flag: --foo');
    expect(error(['-itZ'])).toBe("unknown shorthand flag: 'Z' in -Z");
    expect(error(['--name'])).toBe('flag needs an argument: --name');
    expect(error(['-n'])).toBe("flag needs an argument: 'n' in -n");
    expect(error(['-n', 'abc'])).toBe('invalid argument "abc" for "-n, --last" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(error(['--name=x', '--=y'])).toBe('bad flag syntax: --=y');
    expect(error(['--detach=maybe'])).toBe('invalid argument "maybe" for "-d, --detach" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
  });

  it('warns that -h is deprecated when it means --help', () => {
    const result = parseFlags(FLAGS, ['-h'], { interspersed: true });
    expect(result.ok && result.flags.help).toBe(true);
    expect(result.notices).toEqual(['Flag shorthand -h has been deprecated, use --help']);
  });
});

describe('value types', () => {
  it('parses ints with Go base prefixes, underscores and ranges', () => {
    expect(parseGoInt('0x1f')).toEqual({ ok: true, value: 31 });
    expect(parseGoInt('0o17')).toEqual({ ok: true, value: 15 });
    expect(parseGoInt('017')).toEqual({ ok: true, value: 15 });
    expect(parseGoInt('1_000')).toEqual({ ok: true, value: 1000 });
    expect(parseGoInt('-5')).toEqual({ ok: true, value: -5 });
    expect(parseGoInt('1__0').ok).toBe(false);
    expect(parseGoInt('9223372036854775808')).toEqual({ ok: false, error: 'strconv.ParseInt: parsing "9223372036854775808": value out of range' });
    expect(parseGoUint('70000', 16)).toEqual({ ok: false, error: 'strconv.ParseUint: parsing "70000": value out of range' });
    expect(parseGoUint('-1').ok).toBe(false);
  });

  it('parses Go durations into milliseconds', () => {
    expect(parseGoDuration('1m30s')).toEqual({ ok: true, value: 90_000 });
    expect(parseGoDuration('1.5h')).toEqual({ ok: true, value: 5_400_000 });
    expect(parseGoDuration('250ms')).toEqual({ ok: true, value: 250 });
    expect(parseGoDuration('0')).toEqual({ ok: true, value: 0 });
    expect(parseGoDuration('5')).toEqual({ ok: false, error: 'time: missing unit in duration "5"' });
    expect(parseGoDuration('5x')).toEqual({ ok: false, error: 'time: unknown unit "x" in duration "5x"' });
    expect(parseGoDuration('')).toEqual({ ok: false, error: 'time: invalid duration ""' });
  });

  it('parses --cpus as a rational number', () => {
    expect(parseNanoCpus('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseNanoCpus('3/2')).toEqual({ ok: true, value: 1.5 });
    expect(parseNanoCpus('abc')).toEqual({ ok: false, error: 'failed to parse abc as a rational number' });
    expect(parseNanoCpus('0.0000000001')).toEqual({ ok: false, error: 'value is too precise' });
  });
});

function context(): CommandContext {
  const state = createInitialState();
  return { state, out: new Output(state), stdin: undefined, tty: false, columns: 80, env: { HOME: '/home/learner' }, cwd: '/home/learner' };
}

describe('dispatch', () => {
  const seen: Invocation[] = [];
  const echo: CommandDef = {
    path: ['thing', 'echo'],
    use: 'echo [OPTIONS] WORD [WORD...]',
    aliases: ['docker thing echo', 'docker thing say', 'docker echo'],
    short: 'Echo words',
    args: { min: 1 },
    stopAtFirstArg: true,
    flags: [{ name: 'loud', shorthand: 'l', kind: 'bool', type: '', usage: 'Shout' }],
    run(ctx, invocation) {
      seen.push(invocation);
      ctx.out.stdout(`${invocation.args.join(' ')}\n`);
      return 3;
    },
  };
  const unplayed: CommandDef = { path: ['thing', 'unplayed'], use: 'unplayed', short: 'Not simulated', flags: [] };
  const thing: CommandDef = { path: ['thing'], use: 'thing', short: 'Manage things', flags: [], subcommands: [echo, unplayed] };
  const root: CommandDef = { path: [], use: 'docker [OPTIONS] COMMAND [ARG...]', short: 'Root', flags: [], subcommands: [thing, shortcut(echo, ['echo'])] };

  it('runs the command with its parsed invocation and returns its exit code', () => {
    const ctx = context();
    expect(runDocker(ctx, ['thing', 'echo', '-l', 'hi', '-l'], root)).toBe(3);
    expect(ctx.out.text('stdout')).toBe('hi -l\n');
    expect(seen.at(-1)).toMatchObject({ flags: { loud: true }, args: ['hi', '-l'], commandPath: 'docker thing echo' });
  });

  it('finds cobra aliases and top-level shortcuts, naming the path as typed', () => {
    runDocker(context(), ['thing', 'say', 'a'], root);
    expect(seen.at(-1)?.commandPath).toBe('docker thing echo');
    runDocker(context(), ['echo', 'b'], root);
    expect(seen.at(-1)?.commandPath).toBe('docker echo');
  });

  it('says plainly when a real command is not simulated', () => {
    const ctx = context();
    expect(runDocker(ctx, ['thing', 'unplayed'], root)).toBe(1);
    expect(ctx.out.text('stderr')).toBe("docker: 'docker thing unplayed' is a real Docker command, but this simulator does not support it.\n");
  });

  it('names the management command of a shortcut in the not-simulated message', () => {
    const ctx = context();
    const bare: CommandDef = { ...echo, run: undefined };
    const tree: CommandDef = { ...root, subcommands: [shortcut(bare, ['echo'])] };
    runDocker(ctx, ['echo', 'x'], tree);
    expect(ctx.out.text('stderr')).toContain("'docker thing echo' is a real Docker command");
  });

  it('wraps help to the terminal width when stdin is the terminal', () => {
    const narrow = context();
    narrow.tty = true;
    narrow.columns = 40;
    const long: CommandDef = { ...echo, flags: [{ name: 'loud', kind: 'bool', type: '', usage: 'Shout the words so loudly that everybody hears them' }] };
    runDocker(narrow, ['thing', 'echo', '--help'], { ...root, subcommands: [{ ...thing, subcommands: [long] }] });
    expect(narrow.out.text('stdout')).toContain('Options:\n      --loud   Shout the words so\n               loudly that\n               everybody hears them\n');
    const piped = context();
    piped.columns = 40;
    runDocker(piped, ['thing', 'echo', '--help'], { ...root, subcommands: [{ ...thing, subcommands: [long] }] });
    expect(piped.out.text('stdout')).toContain('      --loud   Shout the words so loudly that everybody hears them\n');
  });
});
