// `docker build` as a command: the host's context directory and Dockerfile in, the image and cache into the machine.

import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../src/engine/cli/command.ts';
import { buildCommand } from '../../src/engine/commands/image/build.ts';
import { Output, type CommandContext } from '../../src/engine/exec/context.ts';
import { TreeFileSystem } from '../../src/engine/shell/vfs.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import type { MachineState } from '../../src/engine/state/machine-state.ts';

const FIXED = 'FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\nEXPOSE 5000\n';

function machine(): { state: MachineState; fs: TreeFileSystem } {
  const state = createInitialState();
  const fs = new TreeFileSystem(state.host.fs, () => state.clock);
  fs.mkdir('/home/learner/app', { parents: true });
  fs.writeFile('/home/learner/app/Dockerfile', FIXED);
  fs.writeFile('/home/learner/app/requirements.txt', 'flask\n');
  fs.writeFile('/home/learner/app/app.py', 'print("hello")\n');
  return { state, fs };
}

function docker(state: MachineState, fs: TreeFileSystem, args: string[], flags: Invocation['flags'] = {}) {
  const out = new Output(state);
  const ctx: CommandContext = { state, out, stdin: undefined, tty: false, columns: 80, env: { HOME: '/home/learner' }, cwd: '/home/learner/app', fs };
  const before = state.clock;
  const exitCode = buildCommand.run?.(ctx, { flags, given: new Set(Object.keys(flags)), args, commandPath: 'docker build', parentFlags: {} });
  return { exitCode, stdout: out.text('stdout'), stderr: out.text('stderr'), elapsed: state.clock - before };
}

describe('docker build .', () => {
  it('builds the directory, tags the image and keeps the cache for the next build', () => {
    const { state, fs } = machine();
    const first = docker(state, fs, ['.'], { tag: ['myapp'] });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('#1 [internal] load build definition from Dockerfile');
    expect(first.elapsed).toBeGreaterThan(5000);
    const image = state.images.find((candidate) => candidate.repoTags.includes('myapp:latest'));
    expect(image?.files['/app/app.py']).toBeDefined();
    expect(Object.keys(state.buildCache?.steps ?? {})).toHaveLength(4);
    const second = docker(state, fs, ['.'], { tag: ['myapp'] });
    expect(second.stderr).toMatch(/\[4\/5\] RUN pip install -r requirements\.txt\n#\d+ CACHED\n/);
    expect(state.images.filter((candidate) => candidate.repoTags.includes('myapp:latest'))).toHaveLength(1);
  });

  it('moves the tag to the new image and leaves the old one untagged', () => {
    const { state, fs } = machine();
    docker(state, fs, ['.'], { tag: ['myapp'] });
    fs.writeFile('/home/learner/app/app.py', 'print("changed")\n');
    docker(state, fs, ['.'], { tag: ['myapp'] });
    const built = state.images.filter((candidate) => candidate.files['/app/app.py']);
    expect(built.map((candidate) => candidate.repoTags)).toEqual([[], ['myapp:latest']]);
  });

  it('reads -f relative to the shell directory and names the file by its base name', () => {
    const { state, fs } = machine();
    fs.mkdir('/home/learner/app/docker');
    fs.writeFile('/home/learner/app/docker/Dockerfile.dev', 'FROM python:3.9-slim\nRUN echo dev\n');
    const result = docker(state, fs, ['.'], { file: 'docker/Dockerfile.dev' });
    expect(result.stderr).toContain('#1 [internal] load build definition from Dockerfile.dev\n');
    expect(result.exitCode).toBe(0);
  });

  it('reports a missing context directory and a missing Dockerfile as buildx does', () => {
    const { state, fs } = machine();
    expect(docker(state, fs, ['nodir']).stderr).toBe('ERROR: unable to prepare context: path "nodir" not found\n');
    fs.remove('/home/learner/app/Dockerfile');
    const missing = docker(state, fs, ['.']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.endsWith('ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n')).toBe(true);
  });

  it('passes --build-arg, --target and --no-cache through', () => {
    const { state, fs } = machine();
    fs.writeFile('/home/learner/app/Dockerfile', 'FROM python:3.9-slim AS base\nARG MODE=dev\nENV MODE=$MODE\nFROM base AS final\nRUN echo final\n');
    docker(state, fs, ['.'], { tag: ['t'], 'build-arg': ['MODE=prod'], target: 'base' });
    const image = state.images.find((candidate) => candidate.repoTags.includes('t:latest'));
    expect(image?.config.env).toContain('MODE=prod');
    const again = docker(state, fs, ['.'], { tag: ['t'], 'no-cache': true });
    expect(again.stderr).not.toContain('CACHED');
  });
});
