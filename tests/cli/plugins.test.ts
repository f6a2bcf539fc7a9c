// The buildx and compose plugins as a Docker 28.2.2 install has them: forwarded build commands, their help and their own error conventions.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandDef, Invocation } from '../../src/engine/cli/command.ts';
import { runDocker } from '../../src/engine/cli/dispatch.ts';
import { dockerRoot } from '../../src/engine/commands/docker.ts';
import { composeCommand } from '../../src/engine/commands/compose/index.ts';
import { composeV1Argv } from '../../src/engine/commands/compose/compatibility.ts';
import { Output, type CommandContext } from '../../src/engine/exec/context.ts';
import { createMachine, streamText } from '../../src/engine/index.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';

function context(tty = false): CommandContext {
  const state = createInitialState();
  return { state, out: new Output(state), stdin: tty ? undefined : '', tty, columns: 80, env: { HOME: '/home/learner' }, cwd: '/home/learner' };
}

function docker(argv: string[], root: CommandDef = dockerRoot, tty = false) {
  const ctx = context(tty);
  const exitCode = runDocker(ctx, argv, root);
  return { exitCode, stdout: ctx.out.text('stdout'), stderr: ctx.out.text('stderr') };
}

const expected = (name: string) => readFileSync(join(import.meta.dirname, 'expected', name), 'utf8');

describe('docker build is buildx build', () => {
  // From docker/buildx commands/build.go and commands/root.go (v0.24: the help template set before
  // docker/cli's, so the description leads; the experimental hint ends it), and docker/cli
  // cmd/docker/builder.go (BUILDX_BUILDER=default for a forwarded build). The page agrees line for
  // line with a `docker build --help` captured from a 28.x install.
  it('shows buildx build help for docker build --help, with the builder docker names', () => {
    expect(docker(['build', '--help'])).toEqual({ exitCode: 0, stdout: expected('docker-build-help.txt'), stderr: '' });
  });

  it('shows the same page for docker image build and docker builder build', () => {
    expect(docker(['image', 'build', '--help']).stdout).toBe(expected('docker-build-help.txt'));
    expect(docker(['builder', 'build', '--help']).stdout).toBe(expected('docker-build-help.txt'));
  });

  it('leaves --builder without a default when buildx is run directly (BUILDX_BUILDER unset)', () => {
    const direct = docker(['buildx', 'build', '--help']).stdout;
    expect(direct).toContain('      --builder string                Override the configured builder instance\n');
    expect(direct).not.toContain('instance (default "default")');
  });

  it('prints no legacy-builder warning, and docker builder is buildx itself', () => {
    const builder = docker(['builder']);
    expect(builder.exitCode).toBe(0);
    expect(builder.stderr).toBe('');
    expect(builder.stdout).toMatch(/^Extended build capabilities with BuildKit\n\nUsage: {2}docker buildx \[OPTIONS\] COMMAND\n/);
    expect(builder.stdout.endsWith('\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n')).toBe(true);
  });

  it('answers a stray word after buildx as buildx does', () => {
    const result = docker(['buildx', 'frobnicate']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('ERROR: unknown command: "frobnicate"\n');
    expect(result.stdout).toContain('Usage:  docker buildx [OPTIONS] COMMAND');
  });
});

describe('docker compose', () => {
  // From docker/compose cmd/compose/compose.go (root options, subcommands) rendered with docker/cli's
  // usage template (cli/cobra.go), which the plugin shares.
  it('shows Compose v2.36.2 help for docker compose --help and for docker compose alone', () => {
    expect(docker(['compose', '--help'])).toEqual({ exitCode: 0, stdout: expected('docker-compose-help.txt'), stderr: '' });
    expect(docker(['compose'])).toEqual({ exitCode: 0, stdout: expected('docker-compose-help.txt'), stderr: '' });
  });

  // From docker/compose cmd/compose/ps.go, plus the root's persistent --dry-run.
  it('shows a subcommand page with its long text and the inherited --dry-run', () => {
    expect(docker(['compose', 'ps', '--help']).stdout).toBe(expected('docker-compose-ps-help.txt'));
  });

  it('declares the Compose v2 subcommands, each with --dry-run', () => {
    const names = composeCommand.subcommands!.map((child) => child.path.at(-1));
    for (const name of ['up', 'down', 'ps', 'logs', 'build', 'pull', 'push', 'start', 'stop', 'restart', 'exec', 'run', 'config', 'ls', 'images', 'version', 'create', 'rm', 'kill', 'pause', 'unpause', 'top', 'port', 'events', 'cp', 'attach', 'wait', 'watch', 'stats', 'scale', 'commit', 'export', 'publish', 'bridge']) {
      expect(names).toContain(name);
    }
    for (const child of composeCommand.subcommands!) expect(child.flags.map((flag) => flag.name)).toContain('dry-run');
  });

  it("shows exec's --no-TTY default only when stdout is piped, as compose computes it", () => {
    expect(docker(['compose', 'exec', '--help']).stdout).toContain('allocates a TTY. (default\n');
    expect(docker(['compose', 'exec', '--help'], dockerRoot, true).stdout).toContain('allocates a TTY.\n');
  });

  it('words flag errors as compose does: the message alone, exit 1', () => {
    expect(docker(['compose', 'up', '--foo'])).toEqual({ exitCode: 1, stdout: '', stderr: 'unknown flag: --foo\n' });
    expect(docker(['compose', '--foo', 'up'])).toEqual({ exitCode: 1, stdout: '', stderr: 'unknown flag: --foo\n' });
    expect(docker(['compose', 'up', '-f', 'x.yml']).stderr).toBe("unknown shorthand flag: 'f' in -f\n");
  });

  it('prints its help, then its own error, for a word that names no subcommand', () => {
    const result = docker(['compose', 'frobnicate']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(expected('docker-compose-help.txt'));
    expect(result.stderr).toBe('unknown docker command: "compose frobnicate"\n');
  });

  it("hands the root's options to the subcommand's run as parentFlags", () => {
    const seen: Invocation[] = [];
    const up = composeCommand.subcommands!.find((child) => child.path.at(-1) === 'up')!;
    const tree: CommandDef = {
      ...composeCommand,
      supportedFlags: ['file', 'project-name'],
      subcommands: [{ ...up, supportedFlags: ['detach'], run: (_ctx, invocation) => void seen.push(invocation) }],
    };
    const root: CommandDef = { ...dockerRoot, subcommands: [tree] };
    expect(docker(['compose', '-f', 'a.yml', '-p', 'demo', 'up', '-d', 'web'], root).exitCode).toBe(0);
    expect(seen[0].parentFlags).toMatchObject({ file: ['a.yml'], 'project-name': 'demo', ansi: 'auto', parallel: -1 });
    expect(seen[0].flags.detach).toBe(true);
    expect(seen[0].args).toEqual(['web']);
    expect(docker(['compose', '--profile', 'dev', 'up'], root)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "docker: the simulator does not support --profile for 'docker compose' yet; real Docker does.\n",
    });
  });
});

describe('docker-compose, the v1 name', () => {
  it('runs Compose v2 with the v1 spellings rewritten (cmd/compatibility/convert.go)', () => {
    expect(composeV1Argv(['up', '-d'])).toEqual(['compose', 'up', '-d']);
    expect(composeV1Argv(['--version'])).toEqual(['compose', 'version']);
    expect(composeV1Argv(['-h'])).toEqual(['compose', '--help']);
    expect(composeV1Argv(['--verbose', '-f', 'a.yml', 'ps'])).toEqual(['--debug', 'compose', '-f', 'a.yml', 'ps']);
    expect(composeV1Argv(['-H', 'tcp://x', 'ps'])).toEqual(['-H', 'tcp://x', 'compose', 'ps']);
    expect(composeV1Argv(['compose', 'up'])).toEqual(['compose', 'up']);
  });

  it('is a program on the learner host whose help is Compose v2 help', () => {
    const machine = createMachine();
    const result = machine.exec('docker-compose --help');
    expect(result.exitCode).toBe(0);
    expect(streamText(result, 'stdout')).toBe(expected('docker-compose-help.txt'));
  });
});
