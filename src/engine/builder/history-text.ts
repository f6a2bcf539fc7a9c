// The CREATED BY text of a built image's history rows, as dockerfile2llb's dispatch functions commit them.

import { quoteGo } from '../format/text.ts';

/** `commitToHistory` marks the steps that ran something (a layer snapshot) with this suffix. */
const BUILDKIT_SUFFIX = ' # buildkit';

/** Go's `fmt.Sprintf("%q", []string)`: `["python" "app.py"]`. */
export function goQuotedList(values: readonly string[]): string {
  return `[${values.map(quoteGo).join(' ')}]`;
}

/** Go's `fmt.Sprintf("%v", []string)`: `[/data /logs]`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

function trimmedNumber(value: number): string {
  return String(Number(value.toFixed(9)));
}

/** Go's `time.Duration.String()` for nanoseconds: `0s`, `500ms`, `1.5s`, `1m30s`, `1h0m0s`. */
export function goDurationString(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${trimmedNumber(abs / 1e3)}µs`;
  if (abs < 1e9) return `${sign}${trimmedNumber(abs / 1e6)}ms`;
  const hours = Math.floor(abs / 3.6e12);
  const minutes = Math.floor((abs % 3.6e12) / 6e10);
  const seconds = (abs % 6e10) / 1e9;
  let text = `${trimmedNumber(seconds)}s`;
  if (hours > 0 || minutes > 0) text = `${minutes}m${text}`;
  if (hours > 0) text = `${hours}h${text}`;
  return sign + text;
}

/** Go's `%q` of an int: the rune literal (`'\x03'`), which is what a HEALTHCHECK row shows for its retries. */
function goQuotedRune(value: number): string {
  if (value >= 0x20 && value < 0x7f && value !== 0x27 && value !== 0x5c) return `'${String.fromCharCode(value)}'`;
  if (value === 0x27) return "'\\''";
  if (value === 0x5c) return "'\\\\'";
  if (value === 7) return "'\\a'";
  if (value === 8) return "'\\b'";
  if (value === 9) return "'\\t'";
  if (value === 10) return "'\\n'";
  if (value === 11) return "'\\v'";
  if (value === 12) return "'\\f'";
  if (value === 13) return "'\\r'";
  if (value < 0x100) return `'\\x${value.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCodePoint(value)}'`;
}

export interface HealthcheckValues {
  test: readonly string[];
  /** Nanoseconds. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** `HEALTHCHECK %q` of the config's `*HealthcheckConfig`: Go prints the struct's fields in order. */
export function healthcheckHistory(health: HealthcheckValues): string {
  const durations = [health.interval, health.timeout, health.startPeriod, health.startInterval].map((ns) => quoteGo(goDurationString(ns)));
  return `HEALTHCHECK &{${goQuotedList(health.test)} ${durations.join(' ')} ${goQuotedRune(health.retries)}}`;
}

/** `EXPOSE %v` of the ports this instruction names (a Go map prints its keys sorted). */
export function exposeHistory(ports: readonly string[]): string {
  const keys = [...new Set(ports)].sort();
  return `EXPOSE map[${keys.map((port) => `${port}:{}`).join(' ')}]`;
}

/**
 * A RUN row: the process's argv joined by spaces, after `|N KEY=value …` when the stage declared
 * build arguments (`runCommandString`), so that the cache can tell runs with other arguments apart.
 */
export function runHistory(argv: readonly string[], buildArgs: readonly { key: string; value: string }[]): string {
  const args = buildArgs.length > 0 ? [`|${buildArgs.length}`, ...buildArgs.map((arg) => `${arg.key}=${arg.value}`)] : [];
  return `RUN ${[...args, ...argv].join(' ')}${BUILDKIT_SUFFIX}`;
}

export interface CopyHistoryValues {
  add: boolean;
  parents: boolean;
  chown: string;
  chmod: string;
  sources: readonly string[];
  heredocNames: readonly string[];
  dest: string;
}

/** A COPY or ADD row: options that change the files, the sources as expanded, inline files as `<<NAME`, the destination. */
export function copyHistory(copy: CopyHistoryValues): string {
  const words = [copy.add ? 'ADD' : 'COPY'];
  if (copy.parents) words.push('--parents');
  if (copy.chown !== '') words.push(`--chown=${copy.chown}`);
  if (copy.chmod !== '') words.push(`--chmod=${copy.chmod}`);
  words.push(...copy.sources, ...copy.heredocNames.map((name) => `<<${name}`), copy.dest);
  return words.join(' ') + BUILDKIT_SUFFIX;
}

/** ENV and LABEL rows: every pair as `key=value`, values expanded and unquoted. */
export function pairsHistory(keyword: 'ENV' | 'LABEL', pairs: readonly { key: string; value: string }[]): string {
  return [keyword, ...pairs.map((pair) => `${pair.key}=${pair.value}`)].join(' ');
}

/** An ARG row: each name, with `=value` when it has one (the build argument's, the default, or the global one). */
export function argHistory(args: readonly { key: string; value: string | undefined }[]): string {
  return `ARG ${args.map((arg) => (arg.value === undefined ? arg.key : `${arg.key}=${arg.value}`)).join(' ')}`;
}
