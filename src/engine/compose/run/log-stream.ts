// Container logs as Compose prints them: lines of several containers merged in time order behind their prefixes.

import type { Output } from '../../exec/context.ts';
import type { ContainerRecord, MachineState } from '../../state/machine-state.ts';
import { canonicalName, LogPrinter } from '../log-prefix.ts';

export interface LogLine {
  time: number;
  container: ContainerRecord;
  stream: 'stdout' | 'stderr';
  /** One line without its newline; absent for the container's exit notice. */
  text?: string;
  exitCode?: number;
}

export interface LogSelection {
  /** Only entries at or after this time, per container id (a start's logs, `--since`). */
  since?: (container: ContainerRecord) => number;
  until?: number;
  /** `--tail N`: the last N lines of each container. */
  tail?: number;
  /** Add each container's exit notice when it has exited since `since`. */
  exits?: boolean;
}

/**
 * A container's log entries as the log driver records them: one message per line of each stream, a
 * partial line joined with what follows on the same stream and stamped when its newline arrives.
 */
function linesOf(container: ContainerRecord, selection: LogSelection): LogLine[] {
  const since = selection.since?.(container) ?? -Infinity;
  const lines: LogLine[] = [];
  const pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  const keep = (time: number) => time >= since && (selection.until === undefined || time <= selection.until);
  for (const entry of container.logs) {
    const parts = (pending[entry.stream] + entry.text.replace(/\r\n/g, '\n')).split('\n');
    pending[entry.stream] = parts.pop() ?? '';
    if (!keep(entry.time)) continue;
    for (const text of parts) lines.push({ time: entry.time, container, stream: entry.stream, text });
  }
  // What is left without a newline is flushed when the container's output closes.
  const closedAt = container.finishedAt > 0 ? container.finishedAt : container.logs.at(-1)?.time ?? 0;
  for (const stream of ['stdout', 'stderr'] as const) {
    if (pending[stream] !== '' && keep(closedAt)) lines.push({ time: closedAt, container, stream, text: pending[stream] });
  }
  return selection.tail !== undefined && selection.tail >= 0 ? lines.slice(Math.max(0, lines.length - selection.tail)) : lines;
}

/** Every line of the containers, in time order (a container's own order kept for equal times). */
export function mergedLogs(containers: ContainerRecord[], selection: LogSelection = {}): LogLine[] {
  const all: LogLine[] = [];
  for (const container of containers) {
    all.push(...linesOf(container, selection));
    const since = selection.since?.(container) ?? -Infinity;
    if (selection.exits && container.status === 'exited' && container.finishedAt >= since && container.finishedAt > 0) {
      all.push({ time: container.finishedAt, container, stream: 'stdout', exitCode: container.exitCode });
    }
  }
  return all
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.time - b.line.time || a.index - b.index)
    .map(({ line }) => line);
}

/** RFC 3339 with nanoseconds, as `docker logs -t` stamps lines. */
export function logTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export interface PrintOptions {
  project: string;
  printer: LogPrinter;
  prefix: boolean;
  timestamps: boolean;
  /**
   * The lines happened while the command ran and nothing was shown: play them back in time from
   * `replayFrom` (the clock steps back and forth, ending where it was).
   */
  replayFrom?: number;
}

export function printLogLines(state: MachineState, out: Output, lines: LogLine[], options: PrintOptions): void {
  let shownAt = options.replayFrom;
  for (const line of lines) {
    if (shownAt !== undefined && line.time > shownAt) {
      const delay = line.time - shownAt;
      state.clock -= delay;
      out.wait(delay);
      shownAt = line.time;
    }
    const name = canonicalName(line.container.name, options.project);
    if (line.text === undefined) {
      out.stdout(options.printer.status(name, `exited with code ${line.exitCode}`));
      continue;
    }
    const stamp = options.timestamps ? `${logTimestamp(line.time)} ` : '';
    const text = options.prefix ? options.printer.line(name, `${stamp}${line.text}`) : `${stamp}${line.text}\n`;
    out.write(line.stream, text);
  }
}
