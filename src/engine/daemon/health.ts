// Container health checks as dockerd runs them (moby daemon/health.go): the merged config, probes in virtual time, State.Health.

import { goDurationString } from '../builder/history-text.ts';
import { processEnvironment, runProcess, startDirectory } from '../programs/container-process.ts';
import { runningProcesses } from '../programs/container-commands.ts';
import type { ContainerRecord, HealthcheckConfig, HealthcheckResult, HealthState, MachineState } from '../state/machine-state.ts';

const MS = 1_000_000;
/** moby's defaults: a probe every 30 s (the first one too), 30 s to answer, 5 s between probes in a start period, 3 failures. */
const DEFAULT_INTERVAL = 30_000;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_START_INTERVAL = 5_000;
const DEFAULT_RETRIES = 3;
/** `State.Health.Log` keeps the last five results; a probe's output is cut at 4096 bytes (with `...`). */
export const MAX_LOG_ENTRIES = 5;
const MAX_OUTPUT_BYTES = 4096;
/** `containertypes.MinimumDuration`: a set duration must be at least 1 ms. */
const MINIMUM_DURATION_NS = MS;
/** What dockerd and containerd spend creating and starting a probe's exec, and reaping it. */
const EXEC_START_TIME = 32;
const EXEC_END_TIME = 9;

type ProbeKind = 'CMD' | 'CMD-SHELL';

/**
 * The daemon's merge of a create request's healthcheck over the image's (moby `merge` in daemon/commit.go):
 * no request check takes the image's whole; otherwise each empty field (no test, a 0 duration) is the image's.
 */
export function mergeHealthcheck(image: HealthcheckConfig | undefined, requested: HealthcheckConfig | undefined): HealthcheckConfig | undefined {
  if (!requested) return image ? structuredClone(image) : undefined;
  const merged: HealthcheckConfig = { test: requested.test.length > 0 ? [...requested.test] : [...(image?.test ?? [])] };
  for (const field of ['interval', 'timeout', 'startPeriod', 'startInterval', 'retries'] as const) {
    const value = requested[field] || image?.[field] || 0;
    if (value !== 0) merged[field] = value;
  }
  return merged;
}

/** moby's `validateHealthCheck`: each duration set is at least 1ms, retries not negative. */
export function validateHealthcheck(config: HealthcheckConfig | undefined): string | null {
  if (!config) return null;
  const tooShort = (ns: number | undefined) => ns !== undefined && ns !== 0 && ns < MINIMUM_DURATION_NS;
  if (tooShort(config.interval)) return 'Interval in Healthcheck cannot be less than 1ms';
  if (tooShort(config.timeout)) return 'Timeout in Healthcheck cannot be less than 1ms';
  if ((config.retries ?? 0) < 0) return 'Retries in Healthcheck cannot be negative';
  if (tooShort(config.startPeriod)) return 'StartPeriod in Healthcheck cannot be less than 1ms';
  if (tooShort(config.startInterval)) return 'StartInterval in Healthcheck cannot be less than 1ms';
  return null;
}

/** `getProbe`: the kind of probe the config runs, or null (none configured, `NONE`, an unknown type). */
function probeKind(config: HealthcheckConfig | undefined): ProbeKind | null {
  const type = config?.test[0];
  return type === 'CMD' || type === 'CMD-SHELL' ? type : null;
}

function ms(ns: number | undefined, fallback: number): number {
  return ns ? ns / MS : fallback;
}

function settings(config: HealthcheckConfig) {
  return {
    interval: ms(config.interval, DEFAULT_INTERVAL),
    timeout: ms(config.timeout, DEFAULT_TIMEOUT),
    startPeriod: ms(config.startPeriod, 0),
    startInterval: ms(config.startInterval, DEFAULT_START_INTERVAL),
    retries: config.retries && config.retries > 0 ? config.retries : DEFAULT_RETRIES,
  };
}

/** The monitor's wait before its next probe, as Docker 28's `getInterval` works it out: start interval while starting in the start period. */
function nextInterval(state: MachineState, container: ContainerRecord, config: HealthcheckConfig): number {
  const { interval, startPeriod, startInterval } = settings(config);
  if (state.clock - container.startedAt >= startPeriod) return interval;
  return container.health?.status === 'starting' ? startInterval : interval;
}

/** The health status `docker ps` shows and filters on: `none` without a monitor's state. */
export function healthStatusOf(container: ContainerRecord): HealthState['status'] | 'none' {
  return container.health?.status ?? 'none';
}

/**
 * `initHealthMonitor`, on every start (restarts by policy too): the status goes back to starting with no failing
 * streak, the log stays, and the first probe is one interval after the start.
 */
export function initHealthMonitor(state: MachineState, container: ContainerRecord): void {
  const config = container.config.healthcheck;
  if (!config || probeKind(config) === null) return;
  const health = container.health ?? { status: 'starting', failingStreak: 0, log: [] };
  health.status = 'starting';
  health.failingStreak = 0;
  container.health = health;
  // The program's start work (an initdb) has already moved the clock; a probe cannot run in the past.
  health.nextProbeAt = Math.max(state.clock, container.startedAt + nextInterval(state, container, config));
}

/** `CloseMonitorChannel`: a stopped or paused container's monitor ends, and its status reads unhealthy (moby keeps that for compatibility). */
export function stopHealthMonitor(container: ContainerRecord): void {
  const health = container.health;
  if (!health || health.nextProbeAt === undefined) return;
  health.nextProbeAt = undefined;
  health.status = 'unhealthy';
}

/** `updateHealthMonitor` after an unpause: a new monitor, whose first probe waits one interval; the status stays as the pause left it. */
export function resumeHealthMonitor(state: MachineState, container: ContainerRecord): void {
  const config = container.config.healthcheck;
  const health = container.health;
  if (!config || !health || probeKind(config) === null || health.nextProbeAt !== undefined) return;
  health.nextProbeAt = state.clock + nextInterval(state, container, config);
}

/** When the container's next probe is due, if its monitor runs. */
export function nextProbeTime(container: ContainerRecord): number | undefined {
  return container.status === 'running' ? container.health?.nextProbeAt : undefined;
}

/** Go's `limitedBuffer`: the first 4096 bytes, and `...` when more was written. */
function limitOutput(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= MAX_OUTPUT_BYTES) return text;
  return `${new TextDecoder().decode(bytes.slice(0, MAX_OUTPUT_BYTES))}...`;
}

/** The probe's command line: CMD runs its words directly, CMD-SHELL hands them to `/bin/sh -c`. */
function probeArgv(kind: ProbeKind, test: string[]): string[] {
  return kind === 'CMD-SHELL' ? ['/bin/sh', '-c', ...test.slice(1)] : test.slice(1);
}

/**
 * One run of the probe (`cmdProbe.run`), at the current virtual time: an exec of the test command with the
 * container's user, working directory and environment, no terminal, stdout and stderr into one buffer.
 */
function runProbe(state: MachineState, container: ContainerRecord, config: HealthcheckConfig, kind: ProbeKind): HealthcheckResult {
  const start = state.clock;
  const { timeout } = settings(config);
  state.clock += EXEC_START_TIME;
  const began = state.clock;
  let stderrFirst = '';
  let stdoutLater = '';
  const user = container.config.user;
  const result = runProcess(state, container, probeArgv(kind, config.test), {
    // A program's stdout into a pipe is block-buffered until it exits, so it lands after what it wrote to stderr.
    sink: { write: (stream, text) => (stream === 'stderr' ? (stderrFirst += text) : (stdoutLater += text)), wait: (waited) => (state.clock += waited) },
    tty: false,
    columns: 80,
    env: processEnvironment(container, { tty: false, user }),
    cwd: startDirectory(container),
    user,
    pid: Math.max(1, ...runningProcesses(state, container).map((process) => process.pid)) + 6,
  });
  if ('execError' in result) {
    return { start, end: state.clock + EXEC_END_TIME, exitCode: -1, output: `OCI runtime exec failed: exec failed: unable to start container process: ${result.execError}: unknown` };
  }
  const output = limitOutput(stderrFirst + stdoutLater);
  if (state.clock - began > timeout) {
    const limit = goDurationString(timeout * MS);
    return { start, end: began + timeout + EXEC_END_TIME, exitCode: -1, output: output === '' ? `Health check exceeded timeout (${limit})` : `Health check exceeded timeout (${limit}): ${output}` };
  }
  return { start, end: state.clock + EXEC_END_TIME, exitCode: result.exitCode, output };
}

/** `handleProbeResult`: the log keeps the last five; a pass makes it healthy, failures past the start period count up to unhealthy. */
function recordResult(container: ContainerRecord, health: HealthState, config: HealthcheckConfig, result: HealthcheckResult): void {
  const { retries, startPeriod } = settings(config);
  health.log = [...health.log, result].slice(-MAX_LOG_ENTRIES);
  if (result.exitCode === 0) {
    health.failingStreak = 0;
    health.status = 'healthy';
    return;
  }
  // Failures while still starting within the start period do not count.
  if (health.status === 'starting' && result.start - container.startedAt < startPeriod) return;
  health.failingStreak++;
  if (health.failingStreak >= retries) health.status = 'unhealthy';
}

/** Runs the probe that is due now and schedules the next one, an interval after this one ended. */
export function probeHealth(state: MachineState, container: ContainerRecord): void {
  const config = container.config.healthcheck;
  const health = container.health;
  const kind = probeKind(config);
  if (!config || !health || kind === null) return;
  health.nextProbeAt = undefined;
  const result = runProbe(state, container, config, kind);
  // The probe may have watched the container end (a probe that stops it): its monitor has stopped then.
  if (container.status !== 'running') return;
  recordResult(container, health, config, result);
  state.clock = result.end;
  health.nextProbeAt = result.end + nextInterval(state, container, config);
}

/**
 * A monitor that has long settled (the last five probes alike, evenly spaced, the status no longer starting)
 * would go on the same way: when more than a log's worth of probes are due before `until`, those that change
 * nothing but the count are skipped, so a day's `sleep` does not run thousands of probes. The last ones still run.
 */
export function skipSettledProbes(container: ContainerRecord, until: number): void {
  const health = container.health;
  const config = container.config.healthcheck;
  const next = nextProbeTime(container);
  if (!health || !config || next === undefined || health.status === 'starting' || health.log.length < MAX_LOG_ENTRIES) return;
  const log = health.log;
  const first = log[0];
  const period = log[1].start - first.start;
  const settled = log.every(
    (entry, index) =>
      entry.exitCode === first.exitCode &&
      entry.output === first.output &&
      entry.end - entry.start === first.end - first.start &&
      (index === 0 || entry.start - log[index - 1].start === period),
  );
  const failing = first.exitCode !== 0;
  if (!settled || period <= 0 || next - log[log.length - 1].start !== period) return;
  if ((failing && health.status !== 'unhealthy') || (!failing && health.status !== 'healthy')) return;
  const skipped = Math.floor((until - next) / period) - MAX_LOG_ENTRIES;
  if (skipped <= 0) return;
  health.nextProbeAt = next + skipped * period;
  if (failing) health.failingStreak += skipped;
}
