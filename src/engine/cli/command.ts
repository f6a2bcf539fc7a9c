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
  /** Go duration (`1m30s`); the parsed value is in milliseconds. */
  | 'duration'
  /** docker's `RAMInBytes` (`512m`, `1.5g`); the parsed value is in bytes. */
  | 'bytes'
  /** docker's `NanoCPUs` (`--cpus 1.5`): a rational number. */
  | 'decimal';

/** A check Docker applies to each value of a flag while parsing it; see `checkValue` in values.ts. */
export type ValueCheck = 'filter' | 'attach' | 'ip' | 'host-ip' | 'ulimit' | 'mount' | 'gpus' | 'network';

/**
 * What a daemon must offer for Docker to list a flag or command in help. The client only knows once
 * it reaches a daemon: with none, help lists everything (as the recorded fixtures show).
 */
export interface DaemonRequirement {
  osType?: 'windows' | 'linux';
  experimental?: boolean;
  /** `manager`: the node manages a swarm; `active`: the node is in one. */
  swarm?: 'manager' | 'active';
}

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
  /** Bit size of an `int`/`uint` flag (`uint16` for `--blkio-weight`); 64 when absent. */
  bits?: 8 | 16 | 32 | 64;
  /** A `bytes` flag that also takes `-1` for unlimited (`--memory-swap`). */
  allowUnlimited?: boolean;
  /** The value check Docker's flag type performs (`bad format of filter …`). */
  check?: ValueCheck;
  /** Hidden from help when the daemon lacks it (`(Windows only)` flags on a Linux daemon). */
  requires?: DaemonRequirement;
  /** A string flag whose default Go reads from this environment variable (`os.Getenv("BUILDX_BUILDER")`). */
  envDefault?: string;
  /** A bool flag whose default is "stdout is not a terminal" (compose's `--no-TTY`): true, and shown so, only when piped. */
  trueWhenPiped?: boolean;
}

export type FlagValue = boolean | string | number | string[];

/** Docker's argument-count check: `{ max: 0 }` accepts none, `{ min: 2, max: 2 }` exactly two. */
export interface ArgRule {
  min?: number;
  max?: number;
}

/**
 * How a CLI plugin's own code departs from docker's for itself and every command below it: the
 * plugin, not docker, parses its command line, so its error and help conventions are its own.
 */
export interface PluginConventions {
  /**
   * Flag errors: `docker` words them as docker/cli's FlagErrorFunc does (usage, exit 125);
   * `plain` prints pflag's message alone and exits 1 (compose's SetFlagErrorFunc).
   */
  flagErrors: 'docker' | 'plain';
  /**
   * Help starts with the description and a blank line before the usage text: buildx sets its help
   * template from cobra's default before docker/cli gives the command docker's own.
   */
  descriptionFirst?: boolean;
  /** A paragraph help ends with (buildx: experimental commands are hidden). */
  helpFooter?: string;
  /** The root alone prints its help on stdout, exit 0; a word naming no subcommand prints that help, then this on stderr, exit 1. */
  unknownCommand: (word: string) => string;
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
  /** Help's description when it is more than `short` (cobra's `Long`). */
  long?: string;
  /** Position in `docker --help`'s "Common Commands" (Docker's `category-top` annotation). */
  topRank?: number;
  /** Listed under `docker --help`'s "Swarm Commands" rather than "Management Commands". */
  swarmGroup?: boolean;
  /** Help marks the command (and its subcommands) as an experimental CLI feature. */
  experimentalCli?: boolean;
  /**
   * Hidden from help listings when the daemon lacks it; an experimental or OS-specific command is
   * also refused (`docker checkpoint is only supported on a Docker daemon with experimental …`).
   */
  requires?: DaemonRequirement;
  /** Never listed in help (`docker completion`). */
  hidden?: boolean;
  /**
   * Only the name and summary are declared: a real Docker command outside the course whose options
   * are not modelled. It answers every invocation, `--help` included, with the not-supported message.
   */
  outline?: boolean;
  /** A CLI plugin (`compose`, `buildx`): listed among the management commands with a `*` after its name. */
  plugin?: boolean;
  /** Set on a plugin's root: its conventions hold for the whole subtree. */
  pluginConventions?: PluginConventions;
  /** Set on a top-level shortcut (`docker ps`): the command it runs (`docker container ls`). */
  shortcutOf?: CommandDef;
  /**
   * Long names of the flags `run` honours. A flag given outside this list is refused with the
   * simulator's plain "does not support" message rather than silently ignored; `help` is always
   * allowed. A flag that has no visible effect in the sandbox but is recorded in state (and shown
   * by inspect) counts as honoured. Absent: every declared flag is accepted, which only a command
   * without `run` may leave so (a test holds every command with a `run` to declaring it).
   * On the root, it lists the global options that commands honour.
   */
  supportedFlags?: readonly string[];
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
  /**
   * Flags given to the commands above this one, by long name (with their defaults), for the options
   * a plugin's root takes before the subcommand: `docker compose -f a.yml -p demo up` gives
   * `{ file: ['a.yml'], 'project-name': 'demo', … }` here. Docker's global options are not in it;
   * absent or empty for a command right below `docker`.
   */
  parentFlags?: Record<string, FlagValue>;
}
