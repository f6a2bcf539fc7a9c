// go-units' human durations and sizes, their parsers, and the container status line built on them.

import type { ContainerRecord } from '../state/machine-state.ts';
import { formatG } from './go-number.ts';

export type ParseResult = { ok: true; value: number } | { ok: false; error: string };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** go-units `HumanDuration`: `Less than a second`, `About a minute`, `3 hours`, `2 weeks`… */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours round to the nearest hour; everything above counts in whole hours of that rounding.
  const hours = Math.trunc(ms / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

/** `docker ps`/`docker images` CREATED: `About a minute ago`. */
export function timeAgo(thenMs: number, nowMs: number): string {
  return `${humanDuration(nowMs - thenMs)} ago`;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function scale(size: number, base: number, names: string[]): { size: number; unit: string } {
  let index = 0;
  while (size >= base && index < names.length - 1) {
    size /= base;
    index++;
  }
  return { size, unit: names[index] };
}

/** go-units `HumanSizeWithPrecision`: decimal units, `precision` significant digits (`8.31MB`). */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  const { size, unit } = scale(bytes, 1000, DECIMAL_UNITS);
  return `${formatG(size, precision)}${unit}`;
}

/** Sizes as `docker images` and `docker ps -s` show them: 3 significant digits (`192MB`, `13.3kB`). */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}

/** go-units `HumanSize` (4 significant digits), as the pull progress counters use it (`6.291MB`). */
export function humanSize4(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** go-units `BytesSize`: binary units with 4 significant digits (`1.5GiB`), as `docker stats` shows memory. */
export function bytesSize(bytes: number): string {
  const { size, unit } = scale(bytes, 1024, BINARY_UNITS);
  return `${formatG(size, 4)}${unit}`;
}

const DECIMAL_MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const BINARY_MULTIPLIERS: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

// Go's strconv.ParseFloat on decimal input (underscores between digits are accepted, hex is not needed).
const GO_DECIMAL_FLOAT = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const GO_SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;

function parseGoFloat(text: string): ParseResult {
  if (GO_DECIMAL_FLOAT.test(text)) {
    const value = Number(text.replaceAll('_', ''));
    if (!Number.isFinite(value)) {
      return { ok: false, error: `strconv.ParseFloat: parsing ${JSON.stringify(text)}: value out of range` };
    }
    return { ok: true, value };
  }
  if (GO_SPECIAL_FLOAT.test(text)) {
    const lower = text.toLowerCase();
    if (lower.includes('nan')) return { ok: true, value: NaN };
    return { ok: true, value: lower.startsWith('-') ? -Infinity : Infinity };
  }
  return { ok: false, error: `strconv.ParseFloat: parsing ${JSON.stringify(text)}: invalid syntax` };
}

/** go-units `parseSize` (v0.5): a number, an optional space, then `b`, `k`, `kb` or `kib` style suffixes. */
function parseSize(text: string, multipliers: Record<string, number>): ParseResult {
  let separator = -1;
  for (let index = text.length - 1; index >= 0; index--) {
    if ('0123456789. '.includes(text[index])) {
      separator = index;
      break;
    }
  }
  if (separator === -1) return { ok: false, error: `invalid size: '${text}'` };
  const numberText = text[separator] === ' ' ? text.slice(0, separator) : text.slice(0, separator + 1);
  let suffix = text.slice(separator + 1);
  const parsed = parseGoFloat(numberText);
  if (!parsed.ok) return parsed;
  let size = parsed.value;
  if (size < 0) return { ok: false, error: `invalid size: '${text}'` };
  if (suffix.length === 0) return { ok: true, value: Math.trunc(size) };
  const badSuffix = (): ParseResult => ({ ok: false, error: `invalid suffix: '${suffix}'` });
  if (suffix.length > 3) return badSuffix();
  suffix = suffix.toLowerCase();
  if (suffix[0] === 'b') return suffix.length > 1 ? badSuffix() : { ok: true, value: Math.trunc(size) };
  const multiplier = multipliers[suffix[0]];
  if (multiplier === undefined) return badSuffix();
  size *= multiplier;
  if (suffix.length === 2 && suffix[1] !== 'b') return badSuffix();
  if (suffix.length === 3 && suffix.slice(1) !== 'ib') return badSuffix();
  return { ok: true, value: Math.trunc(size) };
}

/** go-units `FromHumanSize`: decimal multipliers (`32kB` → 32000). */
export function fromHumanSize(text: string): ParseResult {
  return parseSize(text, DECIMAL_MULTIPLIERS);
}

/** go-units `RAMInBytes`: binary multipliers (`32m` → 33554432), as `--memory` and `--shm-size` parse. */
export function ramInBytes(text: string): ParseResult {
  return parseSize(text, BINARY_MULTIPLIERS);
}

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

/**
 * The STATUS column of `docker ps`, as moby's `container/state.go` `State.String()` words it:
 * `Up 3 seconds`, `Up 2 hours (Paused)`, `Up 5 minutes (healthy)`, `Exited (0) 2 minutes ago`, `Created`…
 * A running container with a health monitor's state shows it, unless `health` says otherwise.
 */
export function containerStatusText(
  container: Pick<ContainerRecord, 'status' | 'startedAt' | 'finishedAt' | 'exitCode'> & Partial<Pick<ContainerRecord, 'health'>>,
  nowMs: number,
  health: HealthStatus | undefined = container.health?.status,
): string {
  const upFor = (): string => humanDuration(nowMs - container.startedAt);
  switch (container.status) {
    case 'paused':
      return `Up ${upFor()} (Paused)`;
    case 'restarting':
      return `Restarting (${container.exitCode}) ${humanDuration(nowMs - container.finishedAt)} ago`;
    case 'running':
      if (health) return `Up ${upFor()} (${health === 'starting' ? 'health: starting' : health})`;
      return `Up ${upFor()}`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
      return 'Created';
    case 'exited':
      if (container.startedAt === 0) return 'Created';
      if (container.finishedAt === 0) return '';
      return `Exited (${container.exitCode}) ${humanDuration(nowMs - container.finishedAt)} ago`;
  }
}
