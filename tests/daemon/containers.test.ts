// The container lifecycle in virtual time: restart back-off, stop timeouts, the port allocator, start failures and lookups.

import { describe, expect, it } from 'vitest';
import { createMachine, streamText } from '../../src/engine/index.ts';
import type { MachineState } from '../../src/engine/state/machine-state.ts';
import { runToEnd } from '../../src/headless/run-to-end.ts';

function machine() {
  const m = createMachine({ seed: 7 });
  const run = (line: string) => {
    const result = runToEnd(m, line, { tty: false });
    return { stdout: streamText(result, 'stdout'), stderr: streamText(result, 'stderr'), exitCode: result.exitCode };
  };
  run('docker pull -q alpine');
  run('docker pull -q nginx');
  const state = (): MachineState => m.snapshot();
  const container = (name: string) => state().containers.find((candidate) => candidate.name === name)!;
  return { run, state, container };
}

describe('restart policies', () => {
  it('restart a failing container after 100 ms, then twice as long each time, counting each restart', () => {
    const { run, container } = machine();
    run("docker run -d --name crash --restart always alpine sh -c 'exit 1'");
    // Restarts at 0.1 s, 0.3 s and 0.7 s after the first exit; the fourth is scheduled for 1.5 s.
    run('sleep 1');
    expect(run('docker inspect -f "{{.RestartCount}} {{.State.Status}}" crash').stdout).toBe('4 restarting\n');
    expect(container('crash').pendingRestart?.delay).toBe(800);
    run('sleep 1');
    expect(run('docker inspect -f "{{.RestartCount}}" crash').stdout).toBe('5\n');
  });

  it('never wait more than a minute between restarts', () => {
    const { run, container } = machine();
    run("docker run -d --name crash --restart always alpine sh -c 'exit 1'");
    run('sleep 600');
    expect(container('crash').pendingRestart?.delay).toBe(60_000);
    expect(container('crash').restartCount).toBeGreaterThan(10);
  });

  it('give up after the count on-failure allows, leaving the last exit code', () => {
    const { run } = machine();
    run("docker run -d --name flaky --restart on-failure:3 alpine sh -c 'exit 4'");
    run('sleep 30');
    expect(run('docker inspect -f "{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}" flaky').stdout).toBe('3 exited 4\n');
  });

  it('do not restart a container docker stop ended, even with always', () => {
    const { run } = machine();
    run('docker run -d --name keeper --restart always alpine sleep 600');
    run('docker stop -t 1 keeper');
    run('sleep 5');
    expect(run('docker ps -a --format "{{.Status}}" --filter name=keeper').stdout).toMatch(/^Exited \(137\)/);
  });

  it('bring back an always container that docker kill ended, but not an unless-stopped one', () => {
    const { run } = machine();
    run('docker run -d --name always --restart always alpine sleep 600');
    run('docker run -d --name unless --restart unless-stopped alpine sleep 600');
    run('docker kill always unless');
    run('sleep 1');
    expect(run('docker ps --format "{{.Names}}"').stdout).toBe('always\n');
  });
});

describe('stopping', () => {
  it('waits the timeout for a process that ignores SIGTERM, then kills it', () => {
    const { run, state } = machine();
    run('docker run -d --name sleeper alpine sleep 600');
    const before = state().clock;
    run('docker stop sleeper');
    expect(state().clock - before).toBeGreaterThanOrEqual(10_000);
    expect(run('docker inspect -f "{{.State.ExitCode}}" sleeper').stdout).toBe('137\n');
  });

  it('takes -t seconds instead of ten', () => {
    const { run, state } = machine();
    run('docker run -d --name sleeper alpine sleep 600');
    const before = state().clock;
    run('docker stop -t 3 sleeper');
    const spent = state().clock - before;
    expect(spent).toBeGreaterThanOrEqual(3_000);
    expect(spent).toBeLessThan(10_000);
  });

  it('is quick for a process that handles its stop signal, which decides the exit code', () => {
    const { run, state } = machine();
    run('docker run -d --name web nginx');
    const before = state().clock;
    run('docker stop web');
    expect(state().clock - before).toBeLessThan(1_000);
    expect(run('docker inspect -f "{{.State.ExitCode}}" web').stdout).toBe('0\n');
  });

  it('ends a process on its own schedule when virtual time passes', () => {
    const { run } = machine();
    run('docker run -d --name short alpine sleep 5');
    run('sleep 4');
    expect(run('docker ps -q --filter name=short').stdout).not.toBe('');
    run('sleep 2');
    expect(run('docker ps -a --format "{{.Status}}" --filter name=short').stdout).toBe('Exited (0) 1 second ago\n');
  });
});

describe('ports', () => {
  it('hands out ephemeral host ports from 32768 in turn, not reusing a freed one at once', () => {
    const { run } = machine();
    run('docker run -d --name a1 -P nginx');
    run('docker rm -f a1');
    run('docker run -d --name a2 -p 80 nginx');
    expect(run('docker port a2 80').stdout).toBe('0.0.0.0:32769\n[::]:32769\n');
  });

  it('refuses a host port another container holds, leaving the new container created with the error recorded', () => {
    const { run } = machine();
    run('docker run -d --name first -p 8888:80 nginx');
    const second = run('docker run -d --name second -p 8888:80 nginx');
    expect(second.exitCode).toBe(125);
    expect(second.stderr).toContain('Bind for 0.0.0.0:8888 failed: port is already allocated');
    expect(run('docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" second').stdout).toBe('created 128\n');
    expect(run('docker inspect -f "{{.State.Error}}" second').stdout).toContain('port is already allocated');
  });

  it('frees a port when its container stops', () => {
    const { run } = machine();
    run('docker run -d --name first -p 8888:80 nginx');
    run('docker stop first');
    expect(run('docker run -d --name second -p 8888:80 nginx').exitCode).toBe(0);
  });
});

describe('looking containers up', () => {
  it('finds a unique id prefix and refuses an ambiguous one', () => {
    const { run, state } = machine();
    for (let index = 0; index < 20; index++) run(`docker create --name c${index} alpine`);
    const ids = state().containers.map((container) => container.id);
    const shared = ids.map((id) => id[0]).find((digit, index, all) => all.indexOf(digit) !== index)!;
    expect(run(`docker inspect -f x ${shared}`).stderr).toContain(`multiple IDs found with provided prefix: ${shared}`);
    expect(run(`docker inspect -f '{{.Name}}' ${ids[0].slice(0, 12)}`).stdout).toBe('/c0\n');
  });

  it('names the container as typed when refusing to remove a running one', () => {
    const { run, state } = machine();
    run('docker run -d --name web nginx');
    const prefix = state().containers[0].id.slice(0, 6);
    expect(run(`docker rm ${prefix}`).stderr).toBe(
      `Error response from daemon: cannot remove container "${prefix}": container is running: stop the container before removing or force remove\n`,
    );
  });
});

describe('the state', () => {
  it('survives serialisation with pending restarts and bound ports', () => {
    const m = createMachine({ seed: 3 });
    runToEnd(m, 'docker pull -q alpine', { tty: false });
    runToEnd(m, "docker run -d --name crash --restart always -p 9000:80 alpine sh -c 'exit 1'", { tty: false });
    const json = m.serialize();
    expect(JSON.parse(json)).toEqual(m.snapshot());
  });
});
