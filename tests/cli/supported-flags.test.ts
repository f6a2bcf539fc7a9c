// Every simulated command says which flags it honours, and a flag it does not honour is refused, never silently ignored.

import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../../src/engine/cli/command.ts';
import { runDocker } from '../../src/engine/cli/dispatch.ts';
import { commandPathOf } from '../../src/engine/cli/help.ts';
import { dockerRoot } from '../../src/engine/commands/docker.ts';
import { Output, type CommandContext } from '../../src/engine/exec/context.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';

function everyCommand(def: CommandDef): CommandDef[] {
  return [def, ...(def.subcommands ?? []).flatMap(everyCommand)];
}

const commands = everyCommand(dockerRoot).filter((def) => def.path.length > 0);
const simulated = commands.filter((def) => def.run !== undefined || def.shortcutOf?.run !== undefined);

function context(): CommandContext {
  const state = createInitialState();
  return { state, out: new Output(state), stdin: '', tty: false, columns: 80, env: { HOME: '/home/learner' }, cwd: '/home/learner' };
}

function docker(argv: string[]) {
  const ctx = context();
  const exitCode = runDocker(ctx, argv, dockerRoot);
  return { exitCode, stdout: ctx.out.text('stdout'), stderr: ctx.out.text('stderr') };
}

describe('supported flags are declared', () => {
  it('finds simulated commands to check', () => {
    expect(simulated.length).toBeGreaterThan(3);
  });

  it.each(simulated.map((def) => [commandPathOf(def), def] as const))(
    '%s lists the flags its run honours (supportedFlags in its declaration)',
    (_path, def) => {
      expect(def.supportedFlags ?? def.shortcutOf?.supportedFlags, 'a command with a run must declare supportedFlags').toBeDefined();
    },
  );

  it.each(commands.filter((def) => def.supportedFlags).map((def) => [commandPathOf(def), def] as const))(
    '%s lists only flags it declares',
    (_path, def) => {
      const declared = new Set(def.flags.map((flag) => flag.name));
      expect(def.supportedFlags!.filter((name) => !declared.has(name))).toEqual([]);
    },
  );

  it('lists only global options the root declares', () => {
    const declared = new Set(dockerRoot.flags.map((flag) => flag.name));
    expect((dockerRoot.supportedFlags ?? []).filter((name) => !declared.has(name))).toEqual([]);
  });
});

describe('a flag the simulator does not play', () => {
  it('is refused on stderr with exit 1, naming the command as typed', () => {
    expect(docker(['run', '--cpus', '2', 'hello-world'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "docker: the simulator does not support --cpus for 'docker run' yet; real Docker does.\n",
    });
    expect(docker(['container', 'run', '--init', 'hello-world']).stderr).toBe(
      "docker: the simulator does not support --init for 'docker container run' yet; real Docker does.\n",
    );
  });

  it('names every refused flag in the order given, by long name even when typed short', () => {
    expect(docker(['run', '--init', '-c', '2', 'hello-world']).stderr).toBe(
      "docker: the simulator does not support --init, --cpu-shares for 'docker run' yet; real Docker does.\n",
    );
  });

  it('leaves the state untouched', () => {
    const ctx = context();
    runDocker(ctx, ['run', '-d', '--cpus', '1', 'nginx'], dockerRoot);
    expect(ctx.state.containers).toEqual([]);
  });

  it('does not stand in the way of help or of usage errors that Docker checks first', () => {
    const help = docker(['run', '--cpus', '2', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]');
    expect(docker(['run', '--cpus', '2']).stderr).toContain("docker: 'docker run' requires at least 1 argument");
  });

  it('lets honoured flags through', () => {
    const result = docker(['ps', '-a', '-q', '--no-trunc']);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('refuses global options that would reach another daemon', () => {
    expect(docker(['-H', 'tcp://10.0.0.1:2375', 'ps'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'docker: the simulator does not support the global option --host yet; real Docker does.\n',
    });
    expect(docker(['-D', 'ps']).exitCode).toBe(0);
  });

  it('keeps accepting every flag of a command that declares no list', () => {
    const thing: CommandDef = {
      path: ['thing'],
      use: 'thing',
      short: 'A thing',
      flags: [{ name: 'loud', kind: 'bool', type: '', usage: 'Shout' }],
      run: () => 0,
    };
    const root: CommandDef = { ...dockerRoot, subcommands: [thing] };
    expect(runDocker(context(), ['thing', '--loud'], root)).toBe(0);
  });
});
