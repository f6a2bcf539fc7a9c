// `docker container logs` (`docker logs`): fetch the logs of a container.

import type { CommandDef } from '../../cli/command.ts';
import { parseGoDuration } from '../../cli/values.ts';
import { isRunning, reconcileContainers, waitForScheduledExit } from '../../daemon/containers.ts';
import { rfc3339NanoFixed, subMillisecondNanos } from '../../format/go-time.ts';
import { parseGoTime } from '../../format/go-time-parse.ts';
import type { ContainerRecord, LogEntry } from '../../state/machine-state.ts';
import { findContainer } from './each-container.ts';

/** One log message as the json-file driver keeps it: a line (with its newline) and when it was written. */
interface LogLine {
  stream: LogEntry['stream'];
  text: string;
  time: number;
  /** Nanoseconds below the clock's millisecond, fixed per line so timestamps look like a daemon's. */
  nanos: number;
}

function logLines(container: ContainerRecord): LogLine[] {
  const lines: LogLine[] = [];
  container.logs.forEach((entry, index) => {
    const parts = entry.text.split(/(?<=\n)/);
    parts.forEach((text, part) => {
      if (text !== '') lines.push({ stream: entry.stream, text, time: entry.time, nanos: subMillisecondNanos(`${container.id}:${index}:${part}`) });
    });
  });
  return lines;
}

/**
 * docker/cli's `GetTimestamp`: a Go duration before now (whole seconds), a time in the layout its shape
 * asks for (local unless it names a zone), or Unix seconds. Returns epoch ms, or the error the client prints.
 */
export function parseLogTime(value: string, now: number): { ok: true; ms: number } | { ok: false; message: string } {
  const duration = parseGoDuration(value);
  if (value !== '0' && duration.ok) return { ok: true, ms: Math.floor((now - duration.value) / 1000) * 1000 };
  const local = !/[zZ+]/.test(value) && (value.match(/-/g) ?? []).length !== 3;
  const zone = local ? '' : 'Z07:00';
  let layout = `2006-01-02${zone}`;
  if (value.includes('.')) layout = `2006-01-02T15:04:05.999999999${zone}`;
  else if (value.includes('T')) {
    let colons = (value.match(/:/g) ?? []).length;
    // A `+hh:mm` offset brings a colon of its own.
    if (!local && !/[zZ]/.test(value) && colons > 0) colons--;
    layout = `2006-01-02T${colons === 0 ? '15' : colons === 1 ? '15:04' : '15:04:05'}${zone}`;
  }
  // The simulated host keeps UTC, so a local time is a UTC one.
  const parsed = parseGoTime(layout, value);
  if (parsed.ok) return { ok: true, ms: parsed.ms };
  // With a dash it was meant as a date: Go's parse error stands.
  if (value.includes('-')) return { ok: false, message: parsed.message };
  if (/^\d+(\.\d{1,9})?$/.test(value)) return { ok: true, ms: Math.floor(Number(value) * 1000) };
  return { ok: false, message: `failed to parse value as time or duration: ${JSON.stringify(value)}` };
}

export const logsCommand: CommandDef = {
  path: ['container', 'logs'],
  use: 'logs [OPTIONS] CONTAINER',
  aliases: ['docker container logs', 'docker logs'],
  short: 'Fetch the logs of a container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'details', kind: 'bool', type: '', usage: 'Show extra details provided to logs' },
    { name: 'follow', shorthand: 'f', kind: 'bool', type: '', usage: 'Follow log output' },
    { name: 'since', kind: 'string', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', shorthand: 'n', kind: 'string', type: 'string', usage: 'Number of lines to show from the end of the logs', defaultText: '"all"', defaultValue: 'all' },
    { name: 'timestamps', shorthand: 't', kind: 'bool', type: '', usage: 'Show timestamps' },
    { name: 'until', kind: 'string', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  supportedFlags: ['follow', 'since', 'tail', 'timestamps', 'until'],
  run(ctx, { flags, args }) {
    const { state } = ctx;
    reconcileContainers(state);
    const found = findContainer(ctx, args[0]);
    if (!found.ok) {
      ctx.out.stderr(`${found.text}\n`);
      return 1;
    }
    const { container } = found;
    const bounds: Record<'since' | 'until', number | undefined> = { since: undefined, until: undefined };
    for (const name of ['since', 'until'] as const) {
      const value = flags[name];
      if (typeof value !== 'string' || value === '') continue;
      const parsed = parseLogTime(value, state.clock);
      if (!parsed.ok) {
        ctx.out.stderr(`invalid value for ${JSON.stringify(name)}: ${parsed.message}\n`);
        return 1;
      }
      bounds[name] = parsed.ms;
    }
    let lines = logLines(container).filter(
      (line) => (bounds.since === undefined || line.time >= bounds.since) && (bounds.until === undefined || line.time <= bounds.until),
    );
    // The daemon reads the tail as a number; anything else (`all`, `x`, a negative) means every line.
    const tail = typeof flags.tail === 'string' && /^[+-]?\d+$/.test(flags.tail) ? Number(flags.tail) : -1;
    if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
    for (const line of lines) {
      const stamp = flags.timestamps === true ? `${rfc3339NanoFixed(line.time, line.nanos)} ` : '';
      ctx.out.write(line.stream, `${stamp}${line.text}`);
    }
    // -f keeps reading until the container stops, or Ctrl+C ends the client.
    if (flags.follow !== true || !isRunning(container) || bounds.until !== undefined) return 0;
    const seen = container.logs.length;
    if (waitForScheduledExit(state, container, ctx.out)) {
      for (const line of logLines(container).slice(logLines({ ...container, logs: container.logs.slice(0, seen) }).length)) {
        ctx.out.write(line.stream, `${flags.timestamps === true ? `${rfc3339NanoFixed(line.time, line.nanos)} ` : ''}${line.text}`);
      }
      return 0;
    }
    ctx.follow?.(() => 130);
    return 0;
  },
};
