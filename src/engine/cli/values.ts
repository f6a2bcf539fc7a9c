// Parses one flag value the way Docker's flag types do (Go strconv, time.ParseDuration, go-units, docker/cli opts), errors as Docker words them.

import type { FlagDef, FlagValue, ValueCheck } from './command.ts';
import { ramInBytes } from '../format/units.ts';
import { quoteGo } from '../format/text.ts';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(error: string): ValueResult<T> => ({ ok: false, error });

/** Go's `strconv.ParseBool`. */
export function parseGoBool(text: string): ValueResult<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return ok(true);
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return ok(false);
  return fail(`strconv.ParseBool: parsing ${quoteGo(text)}: invalid syntax`);
}

// Go's underscoreOK: with base prefix 0, `_` may only sit between digits or right after the prefix.
function underscoreOK(text: string): boolean {
  let saw = '^';
  let index = 0;
  let body = text;
  if (body.startsWith('+') || body.startsWith('-')) body = body.slice(1);
  let hex = false;
  if (body.length >= 2 && body[0] === '0' && 'bBoOxX'.includes(body[1])) {
    index = 2;
    saw = '0';
    hex = body[1] === 'x' || body[1] === 'X';
  }
  for (; index < body.length; index++) {
    const char = body[index];
    if ((char >= '0' && char <= '9') || (hex && /[a-fA-F]/.test(char))) {
      saw = '0';
      continue;
    }
    if (char === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

type UintOutcome = { ok: true; value: bigint } | { ok: false; kind: 'syntax' | 'range' };

// The digit loop of Go's `strconv.ParseUint(text, 0, bits)`, reporting which kind of error it hit first.
function parseUintBase0(text: string, bits: number): UintOutcome {
  if (text === '') return { ok: false, kind: 'syntax' };
  let base = 10n;
  let digits = text;
  if (text[0] === '0') {
    const second = text[1]?.toLowerCase();
    if (text.length >= 3 && second === 'b') [base, digits] = [2n, text.slice(2)];
    else if (text.length >= 3 && second === 'o') [base, digits] = [8n, text.slice(2)];
    else if (text.length >= 3 && second === 'x') [base, digits] = [16n, text.slice(2)];
    else [base, digits] = [8n, text.slice(1)];
  }
  const max = (1n << BigInt(bits)) - 1n;
  let value = 0n;
  let underscores = false;
  for (const char of digits) {
    if (char === '_') {
      underscores = true;
      continue;
    }
    const lower = char.toLowerCase();
    let digit: bigint;
    if (lower >= '0' && lower <= '9') digit = BigInt(lower.charCodeAt(0) - 48);
    else if (lower >= 'a' && lower <= 'z') digit = BigInt(lower.charCodeAt(0) - 87);
    else return { ok: false, kind: 'syntax' };
    if (digit >= base) return { ok: false, kind: 'syntax' };
    value = value * base + digit;
    if (value > max) return { ok: false, kind: 'range' };
  }
  if (underscores && !underscoreOK(text)) return { ok: false, kind: 'syntax' };
  return { ok: true, value };
}

/** Go's `strconv.ParseInt(text, 0, bits)`, as pflag's int flags call it. */
export function parseGoInt(text: string, bits = 64): ValueResult<number> {
  const syntax = () => fail<number>(`strconv.ParseInt: parsing ${quoteGo(text)}: invalid syntax`);
  const range = () => fail<number>(`strconv.ParseInt: parsing ${quoteGo(text)}: value out of range`);
  if (text === '') return syntax();
  const negative = text[0] === '-';
  const body = text[0] === '+' || text[0] === '-' ? text.slice(1) : text;
  const parsed = parseUintBase0(body, 64);
  if (!parsed.ok) return parsed.kind === 'syntax' ? syntax() : range();
  const cutoff = 1n << BigInt(bits - 1);
  if (!negative && parsed.value >= cutoff) return range();
  if (negative && parsed.value > cutoff) return range();
  return ok(Number(negative ? -parsed.value : parsed.value));
}

/** Go's `strconv.ParseUint(text, 0, bits)`, as pflag's uint flags call it. */
export function parseGoUint(text: string, bits = 64): ValueResult<number> {
  const parsed = parseUintBase0(text, bits);
  if (!parsed.ok) return fail(`strconv.ParseUint: parsing ${quoteGo(text)}: ${parsed.kind === 'syntax' ? 'invalid syntax' : 'value out of range'}`);
  return ok(Number(parsed.value));
}

const DURATION_UNITS_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's `time.ParseDuration`; the value is in milliseconds (fractions allowed). */
export function parseGoDuration(text: string): ValueResult<number> {
  const invalid = () => fail<number>(`time: invalid duration ${quoteGo(text)}`);
  let rest = text;
  let negative = false;
  if (rest !== '' && (rest[0] === '-' || rest[0] === '+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0);
  if (rest === '') return invalid();
  let totalNs = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    const [whole, integer, fraction] = [number[0], number[1], number[2]];
    if (integer === '' && (fraction === undefined || fraction === '')) return invalid();
    rest = rest.slice(whole.length);
    const unitMatch = /^[^\d.]*/.exec(rest)!;
    const unit = unitMatch[0];
    if (unit === '') return fail(`time: missing unit in duration ${quoteGo(text)}`);
    const scale = DURATION_UNITS_NS[unit];
    if (scale === undefined) return fail(`time: unknown unit ${quoteGo(unit)} in duration ${quoteGo(text)}`);
    rest = rest.slice(unit.length);
    totalNs += Number(`${integer || '0'}.${fraction ?? ''}0`) * scale;
    if (totalNs > 9223372036854775807) return invalid();
  }
  return ok(((negative ? -1 : 1) * totalNs) / 1e6);
}

/** docker/cli `opts.NanoCPUs`: a rational number (`1.5`, `3/2`, `2e-1`), at most nanosecond precise. */
export function parseNanoCpus(text: string): ValueResult<number> {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (fraction) {
    const numerator = BigInt(fraction[1]);
    const denominator = BigInt(fraction[2]);
    if (denominator === 0n) return fail(`failed to parse ${text} as a rational number`);
    if ((numerator * 1_000_000_000n) % denominator !== 0n) return fail('value is too precise');
    return ok(Number(numerator) / Number(denominator));
  }
  if (!decimal || (decimal[2] === '' && (decimal[3] ?? '') === '')) return fail(`failed to parse ${text} as a rational number`);
  const digitsAfterPoint = (decimal[3] ?? '').replace(/0+$/, '').length - Number(decimal[4] ?? 0);
  if (digitsAfterPoint > 9) return fail('value is too precise');
  return ok(Number(text));
}

const ULIMIT_NAMES = new Set([
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime',
  'sigpending', 'stack',
]);

const MOUNT_KEYS = new Set([
  'type', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'consistency', 'bind-propagation',
  'bind-nonrecursive', 'bind-recursive', 'volume-subpath', 'volume-nocopy', 'volume-driver', 'volume-label', 'volume-opt',
  'tmpfs-size', 'tmpfs-mode', 'image-subpath',
]);
const MOUNT_BOOL_KEYS = new Set(['readonly', 'ro', 'volume-nocopy', 'bind-nonrecursive']);

const NETWORK_KEYS = new Set(['name', 'alias', 'ip', 'ip6', 'driver-opt', 'link-local-ip', 'mac-address', 'gw-priority']);

/** Go's `net.ParseIP` acceptance: dotted IPv4 or an IPv6 text form. */
export function isIpAddress(text: string): boolean {
  const ipv4 = (part: string) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(part);
  if (ipv4(text)) return true;
  if (!text.includes(':')) return false;
  let body = text;
  let groupsAvailable = 8;
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    if (!ipv4(body.slice(lastColon + 1))) return false;
    body = `${body.slice(0, lastColon + 1)}0`;
    groupsAvailable = 7;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  const count = all.length + (groupsAvailable === 7 ? 1 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

/** One value of a checked list flag, as the docker/cli option type validates (and normalises) it. */
export function checkValue(check: ValueCheck, value: string): ValueResult<string> {
  switch (check) {
    case 'filter':
      return value.includes('=') ? ok(value) : fail('bad format of filter (expected name=value)');
    case 'attach': {
      const lower = value.toLowerCase();
      return ['stdin', 'stdout', 'stderr'].includes(lower) ? ok(lower) : fail('valid streams are STDIN, STDOUT and STDERR');
    }
    case 'ip':
      return isIpAddress(value.trim()) ? ok(value.trim()) : fail(`IP address is not correctly formatted: ${value}`);
    case 'host-ip': {
      let separator = value.indexOf('=');
      if (separator < 0) separator = value.indexOf(':');
      const host = separator < 0 ? '' : value.slice(0, separator);
      if (separator < 0 || host === '' || host.includes(':')) return fail(`bad format for add-host: ${quoteGo(value)}`);
      let address = value.slice(separator + 1);
      if (address !== 'host-gateway') {
        if (address.length > 2 && address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
        if (!isIpAddress(address)) return fail(`invalid IP address in add-host: ${quoteGo(address)}`);
      }
      return ok(`${host}:${value.slice(separator + 1)}`);
    }
    case 'ulimit': {
      const separator = value.indexOf('=');
      if (separator < 0) return fail(`invalid ulimit argument: ${value}`);
      const name = value.slice(0, separator);
      if (!ULIMIT_NAMES.has(name)) return fail(`invalid ulimit type: ${name}`);
      const limits = value.slice(separator + 1).split(':');
      if (limits.length > 2) return fail(`too many limit value arguments - ${value.slice(separator + 1)}, can only have up to two, \`soft[:hard]\``);
      for (const limit of [...limits].reverse()) {
        if (!/^[+-]?\d+$/.test(limit)) return fail(`strconv.ParseInt: parsing ${quoteGo(limit)}: invalid syntax`);
      }
      const [soft, hard = soft] = limits.map(Number);
      if (hard !== -1 && soft > hard) return fail(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
      return ok(value);
    }
    case 'mount': {
      for (const field of value.split(',')) {
        const separator = field.indexOf('=');
        const key = (separator < 0 ? field : field.slice(0, separator)).toLowerCase();
        if (separator < 0 && !MOUNT_BOOL_KEYS.has(key)) return fail(`invalid field '${field}' must be a key=value pair`);
        if (!MOUNT_KEYS.has(key)) return fail(`unexpected key '${key}' in '${field}'`);
      }
      return ok(value);
    }
    case 'gpus': {
      for (const field of value.split(',')) {
        if (field.includes('=')) continue;
        if (field !== 'all' && !/^[+-]?\d+$/.test(field)) return fail(`invalid count (${field}): value must be either "all" or an integer: invalid syntax`);
      }
      return ok(value);
    }
    case 'network': {
      if (!value.includes('=')) return ok(value);
      for (const field of value.split(',')) {
        const key = field.split('=')[0].toLowerCase();
        if (!NETWORK_KEYS.has(key)) return fail(`invalid field key ${key}`);
      }
      return ok(value);
    }
  }
}

/** Parses one occurrence of a flag's value; list flags get the new items to append. */
export function parseFlagValue(flag: FlagDef, text: string): ValueResult<FlagValue> {
  switch (flag.kind) {
    case 'bool':
      return parseGoBool(text);
    case 'string':
      if (flag.check) return checkValue(flag.check, text);
      return ok(text);
    case 'int':
      return parseGoInt(text, flag.bits);
    case 'uint':
      return parseGoUint(text, flag.bits);
    case 'duration':
      return parseGoDuration(text);
    case 'bytes':
      if (flag.allowUnlimited && text === '-1') return ok(-1);
      return ramInBytesResult(text);
    case 'decimal':
      return parseNanoCpus(text);
    case 'list': {
      // pflag's `strings` type reads each occurrence as comma-separated values.
      const items = flag.type === 'strings' ? (text === '' ? [] : text.split(',')) : [text];
      const checked: string[] = [];
      for (const item of items) {
        const result = flag.check ? checkValue(flag.check, item) : ok(item);
        if (!result.ok) return result;
        checked.push(result.value);
      }
      return ok(checked);
    }
  }
}

function ramInBytesResult(text: string): ValueResult<number> {
  const parsed = ramInBytes(text);
  return parsed.ok ? ok(parsed.value) : fail(parsed.error);
}
