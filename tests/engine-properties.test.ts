// Property tests: random and hostile command lines never throw, always end with an exit code, keep the state sound.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createMachine, loadMachine, type Machine } from '../src/engine/index.ts';
import type { MachineState } from '../src/engine/state/machine-state.ts';

const IMAGES = ['hello-world', 'nginx', 'alpine', 'busybox', 'ubuntu', 'redis', 'postgres:13', 'nosuch', 'NGINX', 'nginx:', 'a/b/c:d:e', ''];
const NAMES = ['web', 'db', 'x', '한글', '-bad', 'web2'];
const VERBS = [
  'run', 'run -d', 'run --rm', 'run -it', 'run -d -p 8080:80', 'run -dp 9090:80', 'run -e A=1', 'run --name web -d', 'run -v data:/data',
  'create', 'start', 'stop', 'restart', 'kill', 'rm', 'rm -f', 'ps', 'ps -a', 'ps -aq', 'ps --format {{.Names}}', 'logs', 'logs -f',
  'inspect', 'port', 'top', 'stats --no-stream', 'images', 'images -q', 'pull', 'rmi', 'rmi -f', 'tag', 'history', 'volume ls',
  'volume create', 'volume rm', 'network ls', 'network create', 'network rm', 'system df', 'version', 'info', 'exec', 'rename', 'wait',
  'container prune -f', 'image prune -f', 'system prune -f', 'search', '--help', 'help',
];
const HOSTILE = [
  "'unbalanced", '"unbalanced', '$(', '$((1+', '`', '\\', '\x00\x01\x1b[2J', 'a'.repeat(10_000), '$(echo $(echo $(echo $(echo deep))))',
  ';;;', 'valueOf', 'constructor', '__proto__', '&&', '|', '> ', '<<EOF', 'yes | head -n 3', 'yes', 'cat /dev/zero', '${', '${x', 'echo ${#}', ':(){ :|:& };:',
];

const dockerLine = fc
  .tuple(fc.constantFrom(...VERBS), fc.constantFrom(...IMAGES, ...NAMES), fc.option(fc.constantFrom('sh', 'echo hi', 'ls -la', 'exit 3')))
  .map(([verb, target, rest]) => `docker ${verb} ${target}${rest === null ? '' : ` ${rest}`}`);
const shellLine = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('ls -la', 'cd /tmp', 'cd ~', 'pwd', 'echo $?', 'mkdir -p a/b', 'rm -rf a', 'cat nothing', 'sleep 1', 'curl localhost:8080'),
);
const anyLine = fc.oneof({ weight: 3, arbitrary: dockerLine }, { weight: 2, arbitrary: shellLine });

function checkInvariants(state: MachineState): void {
  const names = state.containers.map((container) => container.name);
  expect(new Set(names).size).toBe(names.length);
  const ids = state.containers.map((container) => container.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
  const imageIds = new Set(state.images.map((image) => image.id));
  expect(imageIds.size).toBe(state.images.length);
  const tags = state.images.flatMap((image) => image.repoTags);
  expect(new Set(tags).size).toBe(tags.length);
  const volumeNames = state.volumes.map((volume) => volume.name);
  expect(new Set(volumeNames).size).toBe(volumeNames.length);
  const networkNames = state.networks.map((network) => network.name);
  expect(new Set(networkNames).size).toBe(networkNames.length);
  expect(Number.isFinite(state.clock)).toBe(true);
}

function runLine(machine: Machine, line: string, tty: boolean): void {
  let result = machine.exec(line, { tty, columns: 80 });
  if (result.following) result = machine.interrupt({ tty, columns: 80 });
  expect(Number.isInteger(result.exitCode)).toBe(true);
  expect(result.exitCode).toBeGreaterThanOrEqual(0);
  expect(result.exitCode).toBeLessThanOrEqual(255);
  for (const chunk of result.chunks) {
    expect(typeof chunk.text).toBe('string');
    // The shell turns an exception inside the engine into this message: it must never be reached.
    expect(chunk.text).not.toContain('internal error');
    expect(chunk.delay).toBeGreaterThanOrEqual(0);
  }
}

describe('the engine under random and hostile input', () => {
  test('never throws, always gives an exit code, keeps its invariants and serialises losslessly', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { minLength: 1, maxLength: 25 }), fc.boolean(), fc.nat(1000), (lines, tty, seed) => {
        const machine = createMachine({ seed });
        for (const line of lines) {
          runLine(machine, line, tty);
          if (!machine.isComplete(line)) runLine(machine, `${line}\n'"EOF\n)`, tty);
        }
        const snapshot = machine.snapshot();
        checkInvariants(snapshot);
        const json = machine.serialize();
        const loaded = loadMachine(json);
        expect(loaded.ok).toBe(true);
        if (loaded.ok) expect(loaded.machine.serialize()).toBe(json);
      }),
      { numRuns: 150 },
    );
  });

  test('a megabyte line ends with an exit code', () => {
    const machine = createMachine();
    const result = machine.exec(`echo ${'x'.repeat(1_000_000)} | wc -c`);
    expect(result.exitCode).toBe(0);
    expect(result.chunks.map((chunk) => chunk.text).join('')).toBe('1000001\n');
  });

  test('an infinite producer ends when its consumer has enough', () => {
    const machine = createMachine();
    const result = machine.exec('yes | head -n 2');
    expect(result.chunks.map((chunk) => chunk.text).join('')).toBe('y\ny\n');
  });

  test('deep command substitution nesting ends with an exit code', () => {
    const machine = createMachine();
    const depth = 300;
    const line = `${'echo $('.repeat(depth)}echo deep${')'.repeat(depth)}`;
    const result = machine.exec(line);
    expect(Number.isInteger(result.exitCode)).toBe(true);
  });

  test('a replay of the same lines with the same seed gives the same machine', () => {
    fc.assert(
      fc.property(fc.array(dockerLine, { minLength: 1, maxLength: 15 }), (lines) => {
        const first = createMachine({ seed: 42 });
        const second = createMachine({ seed: 42 });
        for (const line of lines) {
          runLine(first, line, false);
          runLine(second, line, false);
        }
        expect(second.serialize()).toBe(first.serialize());
      }),
      { numRuns: 50 },
    );
  });

  test('loadMachine refuses what it cannot restore instead of half-loading it', () => {
    expect(loadMachine('not json')).toEqual({ ok: false, error: 'saved machine is not valid JSON' });
    expect(loadMachine('{"schema":999}').ok).toBe(false);
    expect(loadMachine('null').ok).toBe(false);
  });
});
