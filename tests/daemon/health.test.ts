// Container health checks in virtual time: the merged config, probe timing, streaks, start periods, timeouts, stops and pauses.

import { describe, expect, it } from 'vitest';
import { mergeHealthcheck, validateHealthcheck } from '../../src/engine/daemon/health.ts';
import { createMachine, streamText } from '../../src/engine/index.ts';
import type { MachineState } from '../../src/engine/state/machine-state.ts';
import { runToEnd } from '../../src/headless/run-to-end.ts';

const SECOND_NS = 1_000_000_000;

function machine() {
  const m = createMachine({ seed: 3 });
  const run = (line: string) => {
    const result = runToEnd(m, line, { tty: false });
    return { stdout: streamText(result, 'stdout'), stderr: streamText(result, 'stderr'), exitCode: result.exitCode };
  };
  run('docker pull -q alpine');
  run('docker pull -q nginx');
  const state = (): MachineState => m.snapshot();
  const container = (name: string) => state().containers.find((candidate) => candidate.name === name)!;
  const status = (name: string) => run(`docker ps -a --filter name=^${name}$ --format "{{.Status}}"`).stdout.trim();
  return { run, state, container, status };
}

describe('the healthcheck a container gets', () => {
  it('is the image’s when the request has none, and the request’s fields over the image’s otherwise', () => {
    const image = { test: ['CMD', 'check'], interval: 10 * SECOND_NS, retries: 5 };
    expect(mergeHealthcheck(image, undefined)).toEqual(image);
    expect(mergeHealthcheck(image, { test: [], timeout: 2 * SECOND_NS })).toEqual({ test: ['CMD', 'check'], interval: 10 * SECOND_NS, timeout: 2 * SECOND_NS, retries: 5 });
    expect(mergeHealthcheck(image, { test: ['NONE'] })).toEqual({ test: ['NONE'], interval: 10 * SECOND_NS, retries: 5 });
    expect(mergeHealthcheck(undefined, undefined)).toBeUndefined();
  });

  it('is refused by the daemon with a duration under a millisecond or negative retries', () => {
    expect(validateHealthcheck({ test: [], interval: 500_000 })).toBe('Interval in Healthcheck cannot be less than 1ms');
    expect(validateHealthcheck({ test: [], timeout: 1 })).toBe('Timeout in Healthcheck cannot be less than 1ms');
    expect(validateHealthcheck({ test: [], retries: -1 })).toBe('Retries in Healthcheck cannot be negative');
    expect(validateHealthcheck({ test: [], startPeriod: 10 })).toBe('StartPeriod in Healthcheck cannot be less than 1ms');
    expect(validateHealthcheck({ test: [], startInterval: 10 })).toBe('StartInterval in Healthcheck cannot be less than 1ms');
    expect(validateHealthcheck({ test: ['CMD', 'x'], interval: 1_000_000 })).toBeNull();
    const { run } = machine();
    expect(run('docker run -d --health-interval 500us alpine sleep 9').stderr).toBe('docker: Error response from daemon: Interval in Healthcheck cannot be less than 1ms\n\nRun \'docker run --help\' for more information\n');
  });

  it('comes from --health-* flags, and --no-healthcheck turns the image’s off', () => {
    const { run, container } = machine();
    run('docker create --name flags --health-cmd "exit 0" --health-interval 1m30s --health-retries 4 --health-start-period 2s alpine');
    expect(container('flags').config.healthcheck).toEqual({ test: ['CMD-SHELL', 'exit 0'], interval: 90 * SECOND_NS, startPeriod: 2 * SECOND_NS, retries: 4 });
    run('docker create --name off --no-healthcheck alpine');
    expect(run('docker inspect -f "{{json .Config.Healthcheck}}" off').stdout).toBe('{"Test":["NONE"]}\n');
    expect(run('docker run --no-healthcheck --health-retries 2 alpine').stderr).toBe('docker: --no-healthcheck conflicts with --health-* options\n\nRun \'docker run --help\' for more information\n');
  });
});

describe('probes', () => {
  it('start after one interval (30 s by default) and make a passing container healthy', () => {
    const { run, status } = machine();
    run('docker run -d --name web --health-cmd "curl -fs http://localhost/ || exit 1" nginx');
    expect(status('web')).toBe('Up Less than a second (health: starting)');
    run('sleep 29');
    expect(status('web')).toBe('Up 29 seconds (health: starting)');
    run('sleep 2');
    expect(status('web')).toBe('Up 31 seconds (healthy)');
    const health = JSON.parse(run('docker inspect -f "{{json .State.Health}}" web').stdout);
    expect(health.Status).toBe('healthy');
    expect(health.FailingStreak).toBe(0);
    expect(health.Log).toHaveLength(1);
    expect(health.Log[0].ExitCode).toBe(0);
    expect(health.Log[0].Output).toContain('<title>Welcome to nginx!</title>');
  });

  it('count failures and report unhealthy once the retries are used up', () => {
    const { run, status, container } = machine();
    run('docker run -d --name sick --health-cmd "echo nope; exit 1" --health-interval 2s alpine sleep 600');
    run('sleep 4.5');
    expect(status('sick')).toBe('Up 4 seconds (health: starting)');
    expect(container('sick').health?.failingStreak).toBe(2);
    run('sleep 2');
    expect(status('sick')).toBe('Up 6 seconds (unhealthy)');
    expect(container('sick').health?.log.map((entry) => [entry.exitCode, entry.output])).toEqual([[1, 'nope\n'], [1, 'nope\n'], [1, 'nope\n']]);
    expect(run('docker ps --filter health=unhealthy --format "{{.Names}}"').stdout).toBe('sick\n');
  });

  it('keep the last five results, each starting an interval after the previous one ended', () => {
    const { run, container } = machine();
    run('docker run -d --name busy --health-cmd true --health-interval 1s alpine sleep 600');
    run('sleep 10');
    const log = container('busy').health!.log;
    expect(log).toHaveLength(5);
    for (let index = 1; index < log.length; index++) expect(log[index].start).toBe(log[index - 1].end + 1000);
  });

  it('do not count failures inside the start period, and probe every start interval there', () => {
    const { run, container } = machine();
    run('docker run -d --name slow --health-cmd false --health-start-period 20s --health-start-interval 2s --health-interval 10s --health-retries 1 alpine sleep 600');
    run('sleep 15');
    const starting = container('slow').health!;
    expect(starting.status).toBe('starting');
    expect(starting.failingStreak).toBe(0);
    expect(starting.log.length).toBe(5);
    run('sleep 20');
    expect(container('slow').health?.status).toBe('unhealthy');
  });

  it('fail with the daemon’s words when the probe outlives its timeout or cannot start', () => {
    const { run, container } = machine();
    run('docker run -d --name hang --health-cmd "sleep 5" --health-timeout 1s --health-interval 3s alpine sleep 600');
    run('sleep 4');
    expect(container('hang').health?.log[0]).toMatchObject({ exitCode: -1, output: 'Health check exceeded timeout (1s)' });
    run('docker run -d --name chatty --health-cmd "echo started; sleep 5" --health-timeout 1500ms --health-interval 3s alpine sleep 600');
    run('sleep 4');
    expect(container('chatty').health?.log[0]).toMatchObject({ exitCode: -1, output: 'Health check exceeded timeout (1.5s): started\n' });
  });

  it('leave a config with only durations without a probe, as the daemon has no test to run', () => {
    const { run, container } = machine();
    run('docker run -d --name timed --health-interval 1s alpine sleep 600');
    run('sleep 3');
    expect(run('docker inspect -f "{{json .Config.Healthcheck}}" timed').stdout).toBe('{"Interval":1000000000}\n');
    expect(container('timed').health).toBeUndefined();
    expect(run('docker ps --format "{{.Status}}"').stdout).toBe('Up 3 seconds\n');
  });

  it('report a command runc cannot find as exit -1 with the OCI message', () => {
    const { run, container, state } = machine();
    const built = run("mkdir img && cd img && printf 'FROM alpine\\nHEALTHCHECK --interval=1s CMD [\"curl\", \"-f\", \"http://localhost/\"]\\nCMD [\"sleep\", \"600\"]\\n' > Dockerfile && docker build -q -t probe . && cd ..");
    expect(built.exitCode).toBe(0);
    expect(state().images.find((image) => image.repoTags.includes('probe:latest'))?.config.healthcheck).toEqual({ test: ['CMD', 'curl', '-f', 'http://localhost/'], interval: SECOND_NS });
    run('docker run -d --name probe probe');
    run('sleep 1.5');
    expect(container('probe').health?.log[0]).toMatchObject({
      exitCode: -1,
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown',
    });
    run('docker run -d --name quiet --no-healthcheck probe');
    run('sleep 5');
    expect(container('quiet').health).toBeUndefined();
    expect(run('docker ps --filter health=none --format "{{.Names}}"').stdout).toBe('quiet\n');
  });

  it('skip ahead once settled, still counting every failure, so a day passes quickly', () => {
    const { run, container } = machine();
    run('docker run -d --name sick --health-cmd false --health-interval 30s alpine sleep 999999');
    run('sleep 1d');
    const health = container('sick').health!;
    // One probe per 30 s and its few milliseconds: 2879 of them in a day.
    expect(health.failingStreak).toBeGreaterThan(2870);
    expect(health.failingStreak).toBeLessThan(2880);
    expect(health.log).toHaveLength(5);
    expect(container('sick').status).toBe('running');
  });
});

describe('the monitor across stops and pauses', () => {
  it('reads unhealthy once the container stops, and starts over (keeping its log) when it starts again', () => {
    const { run, container, status } = machine();
    run('docker run -d --name web --health-cmd "exit 0" --health-interval 1s nginx');
    run('sleep 2');
    expect(status('web')).toBe('Up 2 seconds (healthy)');
    run('docker stop web');
    expect(container('web').health).toMatchObject({ status: 'unhealthy', nextProbeAt: undefined });
    expect(status('web')).toMatch(/^Exited \(0\)/);
    const kept = container('web').health!.log.length;
    run('docker start web');
    expect(status('web')).toBe('Up Less than a second (health: starting)');
    expect(container('web').health?.log.length).toBe(kept);
    run('sleep 1.5');
    expect(status('web')).toBe('Up 1 second (healthy)');
  });

  it('stops probing while paused, and reads unhealthy until a probe passes after the unpause', () => {
    const { run, container, status } = machine();
    run('docker run -d --name web --health-cmd "exit 0" --health-interval 1s nginx');
    run('sleep 2');
    run('docker pause web');
    const probes = container('web').health!.log.at(-1)!.start;
    run('sleep 5');
    expect(container('web').health!.log.at(-1)!.start).toBe(probes);
    expect(status('web')).toBe('Up 7 seconds (Paused)');
    run('docker unpause web');
    expect(status('web')).toBe('Up 7 seconds (unhealthy)');
    run('sleep 1.5');
    expect(status('web')).toBe('Up 8 seconds (healthy)');
  });
});

describe('pg_isready', () => {
  it('answers as PostgreSQL’s does, for the container’s own server and over the network', () => {
    const { run } = machine();
    run('docker network create net');
    run('docker run -d --name db --network net -e POSTGRES_PASSWORD=secret postgres:16');
    expect(run('docker exec db pg_isready')).toEqual({ stdout: '/var/run/postgresql:5432 - accepting connections\n', stderr: '', exitCode: 0 });
    expect(run('docker exec db pg_isready -h localhost -U postgres').stdout).toBe('localhost:5432 - accepting connections\n');
    expect(run('docker exec db pg_isready -q').stdout).toBe('');
    expect(run('docker run --rm --network net postgres:16 pg_isready -h db')).toEqual({ stdout: 'db:5432 - accepting connections\n', stderr: '', exitCode: 0 });
    expect(run('docker run --rm --network net postgres:16 pg_isready -h nowhere')).toEqual({ stdout: 'nowhere:5432 - no response\n', stderr: '', exitCode: 2 });
    expect(run('docker run --rm postgres:16 pg_isready')).toEqual({ stdout: '/var/run/postgresql:5432 - no response\n', stderr: '', exitCode: 2 });
  });
});
