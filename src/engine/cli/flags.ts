// The flag parser: spf13/pflag's command-line grammar over a command's declared flags.

import type { FlagDef, FlagValue } from './command.ts';
import { parseFlagValue } from './values.ts';
import { quoteGo } from '../format/text.ts';

/** cobra gives every command a `--help`; its `-h` still works but is deprecated (Docker's root marks it so). */
const HELP_FLAG: FlagDef = { name: 'help', shorthand: 'h', kind: 'bool', type: '', usage: 'Print usage', hidden: true };
const HELP_SHORTHAND_DEPRECATION = 'use --help';

export interface ParseOptions {
  /** false: flags end at the first positional argument, which starts the arguments (pflag's SetInterspersed(false)). */
  interspersed: boolean;
}

export interface ParsedFlags {
  ok: true;
  /** Values by long name: what was given, plus declared defaults. */
  flags: Record<string, FlagValue>;
  /** Long names of the flags given on the command line, in order of first appearance. */
  given: Set<string>;
  args: string[];
  /** `Flag shorthand -h has been deprecated, use --help` lines, in the order pflag printed them. */
  notices: string[];
}

export interface FlagError {
  ok: false;
  /** pflag's message, e.g. `unknown flag: --foo`. */
  error: string;
  notices: string[];
}

export type FlagParseResult = ParsedFlags | FlagError;

interface FlagSet {
  byName: Map<string, FlagDef>;
  byShorthand: Map<string, FlagDef>;
  /** Shorthands whose use prints a deprecation notice (only `-h` for help). */
  deprecatedShorthand: Map<string, string>;
}

/** The flags a command parses: its own, plus cobra's `--help` unless it declares one. */
export function flagSetOf(flags: FlagDef[]): FlagSet {
  const byName = new Map<string, FlagDef>();
  const byShorthand = new Map<string, FlagDef>();
  const deprecatedShorthand = new Map<string, string>();
  for (const flag of flags) {
    byName.set(flag.name, flag);
    if (flag.shorthand) byShorthand.set(flag.shorthand, flag);
  }
  if (!byName.has('help')) byName.set('help', HELP_FLAG);
  if (!byShorthand.has('h')) {
    byShorthand.set('h', byName.get('help')!);
    deprecatedShorthand.set('h', HELP_SHORTHAND_DEPRECATION);
  }
  return { byName, byShorthand, deprecatedShorthand };
}

function displayName(flag: FlagDef, set: FlagSet): string {
  const shorthandShown = flag.shorthand && !set.deprecatedShorthand.has(flag.shorthand);
  return shorthandShown ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`;
}

/** Go's `%q` of a single byte, as pflag prints an unknown shorthand (`'Z'`). */
function quoteChar(char: string): string {
  if (char === "'") return "'\\''";
  const quoted = quoteGo(char);
  return `'${quoted.slice(1, -1).replace(/\\"/g, '"')}'`;
}

/**
 * Parses `argv` against `flags` with pflag's rules: `--name value`, `--name=value`, `-abc` groups,
 * `-nVALUE`, `-n=VALUE`, bools without a separate value, `--` ending the flags.
 */
export function parseFlags(flags: FlagDef[], argv: string[], options: ParseOptions): FlagParseResult {
  const set = flagSetOf(flags);
  const values: Record<string, FlagValue> = {};
  const given = new Set<string>();
  const args: string[] = [];
  const notices: string[] = [];

  for (const flag of flags) {
    if (flag.defaultValue !== undefined) values[flag.name] = Array.isArray(flag.defaultValue) ? [...flag.defaultValue] : flag.defaultValue;
  }

  const apply = (flag: FlagDef, text: string): string | null => {
    const parsed = parseFlagValue(flag, text);
    if (!parsed.ok) return `invalid argument ${quoteGo(text)} for ${quoteGo(displayName(flag, set))} flag: ${parsed.error}`;
    if (flag.kind === 'list') {
      // A list starts empty on its first occurrence, whatever its default was (docker's ListOpts).
      const previous = given.has(flag.name) ? (values[flag.name] as string[]) : [];
      values[flag.name] = [...previous, ...(parsed.value as string[])];
    } else {
      values[flag.name] = parsed.value;
    }
    given.add(flag.name);
    return null;
  };

  const failure = (error: string): FlagError => ({ ok: false, error, notices });

  let index = 0;
  while (index < argv.length) {
    const arg = argv[index++];
    if (arg.length < 2 || arg[0] !== '-') {
      args.push(arg);
      if (!options.interspersed) {
        args.push(...argv.slice(index));
        break;
      }
      continue;
    }
    if (arg[1] === '-') {
      if (arg.length === 2) {
        args.push(...argv.slice(index));
        break;
      }
      const body = arg.slice(2);
      if (body[0] === '-' || body[0] === '=') return failure(`bad flag syntax: ${arg}`);
      const equals = body.indexOf('=');
      const name = equals < 0 ? body : body.slice(0, equals);
      const flag = set.byName.get(name);
      if (!flag) return failure(`unknown flag: --${name}`);
      let value: string;
      if (equals >= 0) value = body.slice(equals + 1);
      else if (flag.kind === 'bool') value = 'true';
      else if (index < argv.length) value = argv[index++];
      else return failure(`flag needs an argument: ${arg}`);
      const error = apply(flag, value);
      if (error) return failure(error);
      continue;
    }
    // A group of shorthands: each takes the rest of the group, or the next argument, as its value.
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const char = shorthands[0];
      const flag = set.byShorthand.get(char);
      if (!flag) return failure(`unknown shorthand flag: ${quoteChar(char)} in -${shorthands}`);
      let value: string;
      let rest = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        rest = '';
      } else if (flag.kind === 'bool') {
        value = 'true';
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        rest = '';
      } else if (index < argv.length) {
        value = argv[index++];
      } else {
        return failure(`flag needs an argument: ${quoteChar(char)} in -${shorthands}`);
      }
      const deprecation = set.deprecatedShorthand.get(char);
      if (deprecation) notices.push(`Flag shorthand -${char} has been deprecated, ${deprecation}`);
      const error = apply(flag, value);
      if (error) return failure(error);
      shorthands = rest;
    }
  }
  return { ok: true, flags: values, given, args, notices };
}
