// Helpers the shell's commands share: option parsing the GNU way, reading inputs, error lines.

import { ERRNO_TEXT, isFsError, resolvePath, type FsError } from '../vfs.ts';
import type { BuiltinContext } from './registry.ts';

export interface ParsedOptions {
  /** Short options seen (`-la` gives `l` and `a`) and long ones by name (`--all` gives `all`). */
  flags: Set<string>;
  /** Values of options that take one, by letter or long name. */
  values: Map<string, string>;
  operands: string[];
}

export interface OptionSpec {
  /** Letters of boolean short options. */
  short: string;
  /** Letters of short options that take a value (`-n 5`, `-n5`). */
  withValue?: string;
  /** Long options mapped to their short letter (or to themselves). */
  long?: Record<string, string>;
  /** Long options taking a value (`--lines=5`), mapped to their letter. */
  longWithValue?: Record<string, string>;
  /** A bare number as an option (`head -5`) is stored under this letter. */
  numberOption?: string;
}

/** Parses options; returns an error line (GNU wording) for an unknown option. */
export function parseOptions(argv: string[], spec: OptionSpec): ParsedOptions | { error: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (spec.longWithValue && Object.hasOwn(spec.longWithValue, name)) {
        const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
        if (value === undefined) return { error: `option '--${name}' requires an argument` };
        values.set(spec.longWithValue[name], value);
        continue;
      }
      if (spec.long && Object.hasOwn(spec.long, name) && eq < 0) {
        flags.add(spec.long[name]);
        continue;
      }
      return { error: `unrecognized option '${arg}'` };
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (spec.numberOption && /^-[0-9]+$/.test(arg)) {
        values.set(spec.numberOption, arg.slice(1));
        continue;
      }
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        if (spec.withValue?.includes(letter)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
          if (value === undefined) return { error: `option requires an argument -- '${letter}'` };
          values.set(letter, value);
          break;
        }
        if (!spec.short.includes(letter)) return { error: `invalid option -- '${letter}'` };
        flags.add(letter);
      }
      continue;
    }
    operands.push(arg);
  }
  for (; i < argv.length; i++) operands.push(argv[i]);
  return { flags, values, operands };
}

/**
 * A message of one of BusyBox's applets that ash runs as builtins (printf, test, read): it names the
 * applet as it was started (`sh`), with no line.
 */
export function appletError(ctx: BuiltinContext, text: string): void {
  const argv0 = ctx.session.shellName ?? 'sh';
  ctx.out.stderr(`${argv0.slice(argv0.lastIndexOf('/') + 1)}: ${text}\n`);
}

/** Writes a GNU-style usage error: the problem, then the `--help` hint. */
export function usageError(ctx: BuiltinContext, command: string, message: string, status = 1): number {
  ctx.out.stderr(`${command}: ${message}\nTry '${command} --help' for more information.\n`);
  return status;
}

export function errnoText(error: FsError): string {
  return ERRNO_TEXT[error.errno];
}

export function resolve(ctx: BuiltinContext, path: string): string {
  return resolvePath(ctx.session.cwd, path);
}

/** The standard input as text ('' when it is the terminal, which the simulator cannot read from). */
export function stdinText(ctx: BuiltinContext): string {
  return ctx.stdin ?? '';
}

/**
 * Reads the inputs of a filter (`cat a b`, `grep x f`): standard input when there are no operands
 * or for `-`. Unreadable files are reported as `cmd: name: reason` and skipped.
 */
export function readInputs(ctx: BuiltinContext, command: string, operands: string[]): { inputs: Array<{ name: string; text: string }>; failed: boolean } {
  const inputs: Array<{ name: string; text: string }> = [];
  let failed = false;
  const names = operands.length === 0 ? ['-'] : operands;
  for (const name of names) {
    if (name === '-') {
      inputs.push({ name: '(standard input)', text: stdinText(ctx) });
      continue;
    }
    const content = ctx.fs.readFile(resolve(ctx, name));
    if (isFsError(content)) {
      ctx.out.stderr(`${command}: ${name}: ${errnoText(content)}\n`);
      failed = true;
      continue;
    }
    inputs.push({ name, text: content });
  }
  return { inputs, failed };
}

/** Splits text into lines, without the empty piece after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Joins lines, each ended by a newline. */
export function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Caps what an endless producer (`yes`, `seq 1 1e9`) writes: a pipe stops it or Ctrl+C would. */
export const MAX_GENERATED_LINES = 65536;
