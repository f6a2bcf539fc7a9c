// The docker client's front door: global flags, command lookup, help, flag parsing and argument checks, then the command.

import type { CommandDef, FlagDef, FlagValue, Invocation } from './command.ts';
import type { CommandContext } from '../exec/context.ts';
import { parseFlags, type FlagParseResult } from './flags.ts';
import { checkArgs, flagError, flagsNotSimulated, notSimulated, unknownCommand, unknownHelpTopic, unknownSubcommand, type UsageError } from './errors.ts';
import {
  LINUX_DAEMON,
  commandName,
  commandPathOf,
  daemonOffers,
  helpWidth,
  pluginConventionsOf,
  renderHelp,
  useLineOf,
  type DaemonProfile,
  type HelpOptions,
} from './help.ts';

export interface DockerClientOptions {
  /** The daemon the client reaches (help hides what it cannot do); `null` for none. Default: a Linux daemon. */
  daemon?: DaemonProfile | null;
}

/** `docker --version`, as the 28.2.2 client prints it. */
export const DOCKER_VERSION_LINE = 'Docker version 28.2.2, build e6534b4';

const LEGACY_BUILDER_NOTICE =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            Install the buildx component to build images with BuildKit:\n' +
  '            https://docs.docker.com/go/buildx/\n\n';

const LOG_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

/** cobra's built-in `help` command, as Docker sets it up. */
const HELP_COMMAND: CommandDef = { path: ['help'], use: 'help [command]', short: 'Help about the command', flags: [] };

/** The names a command answers to below its parent: its own and its cobra aliases (`list` and `ps` for `container ls`). */
function namesOf(def: CommandDef): string[] {
  const names = [commandName(def)];
  const parentPrefix = ['docker', ...def.path.slice(0, -1)].join(' ') + ' ';
  for (const alias of def.aliases ?? []) {
    if (!alias.startsWith(parentPrefix)) continue;
    const rest = alias.slice(parentPrefix.length);
    if (!rest.includes(' ') && !names.includes(rest)) names.push(rest);
  }
  return names;
}

function findChild(def: CommandDef, word: string): CommandDef | undefined {
  return def.subcommands?.find((child) => namesOf(child).includes(word));
}

function isBoolFlag(def: CommandDef, name: string, short: boolean): boolean {
  if (name === 'help' || (short && name === 'h')) return !def.flags.some((flag) => (short ? flag.shorthand === 'h' : flag.name === 'help') && flag.kind !== 'bool');
  const flag = def.flags.find((candidate) => (short ? candidate.shorthand === name : candidate.name === name));
  return flag?.kind === 'bool';
}

/** What a command level above the one that runs was given (a plugin root's `-f`, `-p`…). */
interface LevelFlags {
  def: CommandDef;
  flags: Record<string, FlagValue>;
  given: Set<string>;
}

interface Traversal {
  def: CommandDef;
  lineage: CommandDef[];
  args: string[];
  /** The flags parsed at each level below the root on the way down. */
  levels: LevelFlags[];
  /** `--help` was given at a parent level (`docker container --help ls`): cobra shares the flag. */
  helpFromParent: boolean;
  notices: string[];
}

/**
 * cobra's Traverse: walks down management commands, parsing the flags met before each subcommand
 * name with that level's flags. Its guesses about which words are flag values are kept as they are.
 */
function traverse(root: CommandDef, args: string[], env: Record<string, string>, stdoutIsTerminal: boolean): Traversal | { error: UsageError; notices: string[] } {
  let def = root;
  const lineage: CommandDef[] = [];
  let rest = args;
  let helpFromParent = false;
  const notices: string[] = [];
  const levels: LevelFlags[] = [];
  for (;;) {
    const flagWords: string[] = [];
    let inFlag = false;
    let next: CommandDef | undefined;
    let index = 0;
    for (; index < rest.length; index++) {
      const word = rest[index];
      if (word.startsWith('--') && !word.includes('=')) {
        inFlag = !isBoolFlag(def, word.slice(2), false);
        flagWords.push(word);
        continue;
      }
      if (word.startsWith('-') && !word.includes('=') && word.length === 2 && !isBoolFlag(def, word.slice(1), true)) {
        inFlag = true;
        flagWords.push(word);
        continue;
      }
      if (inFlag) {
        inFlag = false;
        flagWords.push(word);
        continue;
      }
      if (word.startsWith('-') && word.length > 1) {
        flagWords.push(word);
        continue;
      }
      next = findChild(def, word);
      break;
    }
    if (!next) return { def, lineage, args: rest, levels, helpFromParent, notices };
    if (flagWords.length > 0 || (def !== root && def.flags.length > 0)) {
      const parsed = parseFlags(withEnvDefaults(def.flags, env, stdoutIsTerminal), flagWords, { interspersed: true });
      notices.push(...parsed.notices);
      if (!parsed.ok) return { error: levelFlagError(parsed.error, def, lineage), notices };
      if (parsed.flags.help === true) helpFromParent = true;
      if (def !== root) levels.push({ def, flags: parsed.flags, given: parsed.given });
    }
    lineage.push(def);
    def = next;
    rest = rest.slice(index + 1);
  }
}

function unsupportedMessage(def: CommandDef, lineage: CommandDef[], daemon: DaemonProfile | null): string | null {
  if (!daemon) return null;
  for (const level of [def, ...[...lineage].reverse()]) {
    const requirement = level.requires;
    if (!requirement || daemonOffers({ osType: requirement.osType, experimental: requirement.experimental }, daemon)) continue;
    const path = commandPathOf(def);
    if (requirement.experimental) return `${path} is only supported on a Docker daemon with experimental features enabled`;
    return `${path} is only supported on a Docker daemon running on ${requirement.osType}, but the Docker daemon is running on ${daemon.osType}`;
  }
  return null;
}

function unsupportedFlags(def: CommandDef, given: Set<string>, daemon: DaemonProfile | null): string | null {
  if (!daemon) return null;
  const errors: string[] = [];
  for (const flag of [...def.flags].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const requirement = flag.requires;
    if (!given.has(flag.name) || !requirement) continue;
    if (requirement.osType && requirement.osType !== daemon.osType) {
      errors.push(`"--${flag.name}" is only supported on a Docker daemon running on ${requirement.osType}, but the Docker daemon is running on ${daemon.osType}`);
    } else if (requirement.experimental && !daemon.experimental) {
      errors.push(`"--${flag.name}" is only supported on a Docker daemon with experimental features enabled`);
    }
  }
  return errors.length > 0 ? errors.join('\n') : null;
}

/** A flag error as the command's own code words it: docker's, or the plugin's it belongs to. */
function levelFlagError(error: string, def: CommandDef, lineage: CommandDef[]): UsageError {
  if (pluginConventionsOf(def, lineage)?.flagErrors === 'plain') return { message: `${error}\n`, exitCode: 1 };
  return flagError(error, useLineOf(def), commandPathOf(def));
}

/**
 * Flags whose default Go reads from the environment (`os.Getenv("BUILDX_BUILDER")`): the value in
 * `env` becomes the default, shown in help as Go shows a non-empty string default.
 */
function withEnvDefaults(flags: FlagDef[], env: Record<string, string>, stdoutIsTerminal = false): FlagDef[] {
  if (!flags.some((flag) => flag.envDefault !== undefined || flag.trueWhenPiped)) return flags;
  return flags.map((flag) => {
    if (flag.trueWhenPiped) return stdoutIsTerminal ? flag : { ...flag, defaultValue: true, defaultText: 'true' };
    const value = flag.envDefault === undefined ? undefined : env[flag.envDefault];
    if (value === undefined || value === '') return flag;
    return { ...flag, defaultValue: value, defaultText: `"${value}"` };
  });
}

/**
 * docker/cli's forwardBuilder: with buildx installed, `docker build` and `docker image build` run
 * `docker buildx build`, `docker builder …` runs `docker buildx …` (and `docker bake` is buildx's
 * bake), with BUILDX_BUILDER=default in the plugin's environment. Only the command's own words
 * change; `docker help build` still shows the client's own page.
 */
function forwardToBuilder(words: string[]): string[] | null {
  if (words[0] === 'builder') return ['buildx', ...words.slice(1)];
  if (words[0] === 'build' || words[0] === 'bake') return ['buildx', ...words];
  if (words[0] === 'image' && words[1] === 'build') return ['buildx', 'build', ...words.slice(2)];
  return null;
}

/** The given flags a command does not honour, in the order they were given; none when it declares no list. */
function notHonoured(supported: readonly string[] | undefined, given: Set<string>): string[] {
  if (!supported) return [];
  return [...given].filter((name) => name !== 'help' && !supported.includes(name));
}

/**
 * Root help after `--tls`/`--tlsverify`: the client forgets the default certificate paths it found
 * missing, and with no daemon answering over TLS it takes experimental features as unavailable.
 */
function rootForHelp(root: CommandDef, globalGiven: Set<string>, daemon: DaemonProfile | null): CommandDef {
  if (!globalGiven.has('tls') && !globalGiven.has('tlsverify')) return root;
  const flags = root.flags.map((flag) => (flag.name === 'tlscert' || flag.name === 'tlskey' ? { ...flag, defaultText: undefined } : flag));
  const subcommands = daemon ? root.subcommands : root.subcommands?.filter((child) => !child.requires?.experimental);
  return { ...root, flags, subcommands };
}

/**
 * Runs `docker <argv>` as the 28.2.2 client would up to the command itself: every help page, usage
 * error and flag error comes from here, then the command's `run` (or the not-simulated message).
 */
export function runDocker(ctx: CommandContext, argv: string[], root: CommandDef, options: DockerClientOptions = {}): number {
  const daemon = options.daemon === undefined ? LINUX_DAEMON : options.daemon;
  const { out } = ctx;
  const fail = (error: UsageError): number => {
    out.stderr(error.message);
    return error.exitCode;
  };
  const helpOptions: HelpOptions = {
    width: helpWidth(ctx.tty && ctx.stdin === undefined, ctx.columns),
    daemon,
    home: ctx.env.HOME ?? '/root',
  };

  // The global flags come first and stop at the first word (HandleGlobalFlags); pflag writes its notices to stderr here.
  const global = parseFlags(root.flags, argv, { interspersed: false });
  for (const notice of global.notices) out.stderr(`${notice}\n`);
  if (!global.ok) return fail(flagError(global.error, useLineOf(root), 'docker'));
  const logLevel = global.flags['log-level'];
  if (global.given.has('log-level') && typeof logLevel === 'string' && !LOG_LEVELS.has(logLevel.toLowerCase())) {
    return fail({ message: `Unable to parse logging level: ${logLevel}\n`, exitCode: 1 });
  }
  if (global.given.has('host') && global.given.has('context')) {
    return fail({ message: 'conflicting options: cannot specify both --host and --context\n', exitCode: 1 });
  }
  let words = global.args;
  const buildxInstalled = root.subcommands?.some((child) => child.plugin && commandName(child) === 'buildx') === true;
  // The plugin's process sees the client's environment, plus what the client adds for it.
  let env: Record<string, string> = ctx.env;
  if (!buildxInstalled && (words[0] === 'build' || words[0] === 'builder' || (words[0] === 'image' && words[1] === 'build'))) {
    out.stderr(LEGACY_BUILDER_NOTICE);
  }
  const helpRoot = rootForHelp(root, global.given, daemon);

  const showHelp = (def: CommandDef, lineage: CommandDef[], stream: 'stdout' | 'stderr'): number => {
    const unsupported = unsupportedMessage(def, lineage, daemon);
    if (unsupported) {
      out.stdout(`${unsupported}\n`);
      return 0;
    }
    if (def.outline) return fail(notSimulated(commandPathOf(def)));
    const shown = def.path.length === 0 ? helpRoot : { ...def, flags: withEnvDefaults(def.flags, env, ctx.tty) };
    const text = renderHelp(shown, lineage, helpOptions);
    if (stream === 'stdout') out.stdout(text);
    else out.stderr(text);
    return 0;
  };

  if (words[0] === 'help') return runHelpCommand(words.slice(1));
  const forwarded = buildxInstalled ? forwardToBuilder(words) : null;
  if (forwarded) {
    words = forwarded;
    env = { ...env, BUILDX_BUILDER: 'default' };
  }

  const found = traverse(root, words, env, ctx.tty);
  for (const notice of found.notices) out.stdout(`${notice}\n`);
  if ('error' in found) return fail(found.error);
  const { def, lineage } = found;
  const isRoot = def.path.length === 0;
  const conventions = pluginConventionsOf(def, lineage);
  const parsed: FlagParseResult = parseFlags(withEnvDefaults(def.flags, env, ctx.tty), found.args, { interspersed: !def.stopAtFirstArg });
  for (const notice of parsed.notices) out.stdout(`${notice}\n`);
  if (!parsed.ok) return fail(levelFlagError(parsed.error, def, lineage));
  const flags: Record<string, FlagValue> = isRoot ? { ...global.flags, ...parsed.flags } : parsed.flags;
  const helpGiven = isRoot ? (parsed.given.has('help') ? parsed.flags.help === true : global.flags.help === true) : parsed.flags.help === true || found.helpFromParent;
  if (helpGiven) return showHelp(def, lineage, 'stdout');

  if (isRoot) {
    if (flags.version === true) {
      out.stdout(`${DOCKER_VERSION_LINE}\n`);
      return 0;
    }
    if (parsed.args.length === 0) return showHelp(def, lineage, 'stderr');
    return fail(unknownCommand(parsed.args[0]));
  }

  const unsupported = unsupportedMessage(def, lineage, daemon) ?? unsupportedFlags(def, parsed.given, daemon);
  if (unsupported) return fail({ message: `${unsupported}\n`, exitCode: 1 });
  if (def.outline) return fail(notSimulated(commandPathOf(def)));

  if ((def.subcommands?.length ?? 0) > 0) {
    if (conventions) {
      // A plugin's group runs its own RunE: help on stdout, and for a stray word at its root, the plugin's error.
      if (parsed.args.length > 0 && def.pluginConventions) {
        showHelp(def, lineage, 'stdout');
        return fail({ message: `${def.pluginConventions.unknownCommand(parsed.args[0])}\n`, exitCode: 1 });
      }
      if (parsed.args.length > 0) return fail(unknownSubcommand(commandPathOf(def), parsed.args[0], useLineOf(def)));
      return showHelp(def, lineage, 'stdout');
    }
    if (parsed.args.length > 0) return fail(unknownSubcommand(commandPathOf(def), parsed.args[0], useLineOf(def)));
    // `docker manifest` alone prints its usage after an empty line, as its own RunE does.
    if (def.path.length === 1 && def.path[0] === 'manifest') out.stderr('\n');
    return showHelp(def, lineage, 'stderr');
  }

  const argError = checkArgs(def.args, parsed.args, useLineOf(def), commandPathOf(def));
  if (argError) return fail(argError);

  const run = def.run ?? def.shortcutOf?.run;
  if (!run) return fail(notSimulated(commandPathOf(def.shortcutOf ?? def)));
  const globalRefused = notHonoured(root.supportedFlags, global.given);
  if (globalRefused.length > 0) return fail(flagsNotSimulated(globalRefused, null));
  for (const level of found.levels) {
    const refusedAbove = notHonoured(level.def.supportedFlags, level.given);
    if (refusedAbove.length > 0) return fail(flagsNotSimulated(refusedAbove, commandPathOf(level.def)));
  }
  const refused = notHonoured(def.supportedFlags ?? def.shortcutOf?.supportedFlags, parsed.given);
  if (refused.length > 0) return fail(flagsNotSimulated(refused, commandPathOf(def)));
  const parentFlags: Record<string, FlagValue> = Object.assign({}, ...found.levels.map((level) => level.flags));
  const invocation: Invocation = { flags, given: parsed.given, args: parsed.args, commandPath: commandPathOf(def), parentFlags };
  const exitCode = run({ ...ctx, env }, invocation);
  return typeof exitCode === 'number' ? exitCode : 0;

  function runHelpCommand(helpArgs: string[]): number {
    const helpParsed = parseFlags(HELP_COMMAND.flags, helpArgs, { interspersed: true });
    for (const notice of helpParsed.notices) out.stdout(`${notice}\n`);
    if (!helpParsed.ok) return fail(flagError(helpParsed.error, useLineOf(HELP_COMMAND), commandPathOf(HELP_COMMAND)));
    if (helpParsed.flags.help === true) {
      out.stdout(`Usage:  ${useLineOf(HELP_COMMAND)}\n\n${HELP_COMMAND.short}\n`);
      return 0;
    }
    // `docker help help`: cobra's help command is not among the root's subcommands, but it finds itself.
    if (helpParsed.args.length === 1 && helpParsed.args[0] === 'help') {
      out.stdout(`Usage:  ${useLineOf(HELP_COMMAND)}\n\n${HELP_COMMAND.short}\n`);
      return 0;
    }
    let target = root;
    const targetLineage: CommandDef[] = [];
    let index = 0;
    for (; index < helpParsed.args.length; index++) {
      const child = findChild(target, helpParsed.args[index]);
      if (!child) break;
      targetLineage.push(target);
      target = child;
    }
    const remaining = helpParsed.args.slice(index);
    if (remaining.length > 0) return fail(unknownHelpTopic(remaining));
    return showHelp(target, targetLineage, 'stdout');
  }
}
