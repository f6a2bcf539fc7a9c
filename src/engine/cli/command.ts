// The shape every docker command file declares: its use line, flags and arguments as data, and its run function.

import type { CommandContext } from '../exec/context.ts';

/**
 * How a flag's value is parsed. `type` in `FlagDef` is the type name Docker's help prints
 * (`list`, `string`, `bytes`, `filter`…); `kind` is what the parser does with it.
 */
export type FlagKind =
  | 'bool'
  | 'string'
  /** Repeatable: every occurrence appends (`-e A -e B`). */
  | 'list'
  | 'int'
  | 'uint'
  | 'duration'
  | 'bytes';

export interface FlagDef {
  name: string;
  shorthand?: string;
  kind: FlagKind;
  /** The type word in help (`string`, `list`, `int`, `bytes`, `duration`, `filter`, `mount`…); empty for bools. */
  type: string;
  /** The help text exactly as Docker prints it. */
  usage: string;
  /** The `(default …)` text as help shows it, e.g. `"json-file"`, `10`, `-1`; absent when help shows none. */
  defaultText?: string;
  /** Parsed default value. */
  defaultValue?: FlagValue;
  hidden?: boolean;
  /** Bool flags whose value may be given as `--flag=false`. */
  deprecated?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ArgRule {
  min?: number;
  max?: number;
}

export interface CommandDef {
  /** Path from `docker`: `['container', 'run']`, `['ps']`, `['volume']`. */
  path: string[];
  /** The use line after `docker`, e.g. `run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  use: string;
  /** Full alias forms as help's "Aliases:" lists them, e.g. `docker container run, docker run`. */
  aliases?: string[];
  /** One-line description. */
  short: string;
  flags: FlagDef[];
  args?: ArgRule;
  /** Stop flag parsing at the first positional argument (run, exec, create: the rest is the container's command). */
  stopAtFirstArg?: boolean;
  /** Subcommands of a management command (`volume`, `image`…), in help order. */
  subcommands?: CommandDef[];
  /** Absent for a real Docker command the simulator does not play; it then says so plainly. */
  run?: (ctx: CommandContext, invocation: Invocation) => number | void;
}

export interface Invocation {
  /** Parsed flag values by long name; only flags that were given, plus defaults. */
  flags: Record<string, FlagValue>;
  /** Flags the user gave explicitly (long names). */
  given: Set<string>;
  args: string[];
  /** The command as Docker names it in messages: `docker container run` or `docker run`. */
  commandPath: string;
}
