// Renders help from a command's declaration: docker/cli's usage template over cobra, with pflag's option columns.

import type { CommandDef, DaemonRequirement, FlagDef, PluginConventions } from './command.ts';

/** The daemon the client talks to, as far as help cares; `null` when none answers. */
export interface DaemonProfile {
  osType: 'linux' | 'windows';
  experimental: boolean;
  swarm: 'inactive' | 'active' | 'manager';
}

/** The usual learner's machine: a Linux engine, not experimental, not in a swarm. */
export const LINUX_DAEMON: DaemonProfile = { osType: 'linux', experimental: false, swarm: 'inactive' };

export interface HelpOptions {
  /** Columns to wrap option text to (docker: the width of the terminal on stdin, else 80). */
  width: number;
  daemon: DaemonProfile | null;
  /** The user's home directory, for defaults that name it (`--config`). */
  home: string;
}

/** Docker's width rule for help: `term.GetWinsize(0)`, the terminal on stdin, else 80 columns. */
export function helpWidth(stdinIsTerminal: boolean, columns: number): number {
  return stdinIsTerminal && columns > 0 ? columns : 80;
}

export function commandName(def: CommandDef): string {
  return def.path.at(-1) ?? 'docker';
}

/** `docker container ls`, `docker ps`, `docker` for the root. */
export function commandPathOf(def: CommandDef): string {
  return ['docker', ...def.path].join(' ');
}

/** cobra's UseLine: the parent's path, then the declared use. */
export function useLineOf(def: CommandDef): string {
  if (def.path.length === 0) return def.use;
  return ['docker', ...def.path.slice(0, -1), def.use].join(' ');
}

/** Whether a daemon offers what a flag or command needs (with no daemon, the client assumes it does). */
export function daemonOffers(requirement: DaemonRequirement | undefined, daemon: DaemonProfile | null): boolean {
  if (!requirement || !daemon) return true;
  if (requirement.osType && requirement.osType !== daemon.osType) return false;
  if (requirement.experimental && !daemon.experimental) return false;
  if (requirement.swarm === 'manager' && daemon.swarm !== 'manager') return false;
  if (requirement.swarm === 'active' && daemon.swarm === 'inactive') return false;
  return true;
}

export function visibleFlags(def: CommandDef, daemon: DaemonProfile | null): FlagDef[] {
  return def.flags.filter((flag) => !flag.hidden && daemonOffers(flag.requires, daemon));
}

function isAvailable(def: CommandDef, daemon: DaemonProfile | null): boolean {
  return !def.hidden && daemonOffers(def.requires, daemon);
}

function hasSubcommands(def: CommandDef): boolean {
  return (def.subcommands?.length ?? 0) > 0;
}

function sortedChildren(def: CommandDef): CommandDef[] {
  return [...(def.subcommands ?? [])].sort((a, b) => (commandName(a) < commandName(b) ? -1 : commandName(a) > commandName(b) ? 1 : 0));
}

/** cobra's NamePadding: the longest sibling name (hidden ones count), at least 11. */
function namePadding(parent: CommandDef): number {
  return Math.max(11, ...(parent.subcommands ?? []).map((child) => commandName(child).length));
}

// pflag's wrapN: cut `text` at the last whitespace within `limit`, unless the whole fits within limit + slop.
function wrapN(limit: number, slop: number, text: string): [string, string] {
  if (limit + slop > text.length) return [text, ''];
  const head = text.slice(0, limit);
  const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (space <= 0) return [text, ''];
  const newline = head.lastIndexOf('\n');
  if (newline > 0 && newline < space) return [text.slice(0, newline), text.slice(newline + 1)];
  return [text.slice(0, space), text.slice(space + 1)];
}

// pflag's wrap: `text` indented by `indent` on every line but the first, wrapped to `width` columns.
function wrap(indent: number, width: number, text: string): string {
  if (width === 0) return text.replaceAll('\n', `\n${' '.repeat(indent)}`);
  let room = width - indent;
  let result = '';
  if (room < 24) {
    indent = 16;
    room = width - indent;
    result += `\n${' '.repeat(indent)}`;
  }
  if (room < 24) return text.replaceAll('\n', result);
  const slop = 5;
  room -= slop;
  const pad = ' '.repeat(indent);
  let [line, rest] = wrapN(room, slop, text);
  result += line.replaceAll('\n', `\n${pad}`);
  while (rest !== '') {
    [line, rest] = wrapN(room, slop, rest);
    result += `\n${pad}${line.replaceAll('\n', `\n${pad}`)}`;
  }
  return result;
}

function expandHome(text: string, home: string): string {
  return text.replaceAll('$HOME', home);
}

/** pflag's FlagUsagesWrapped: names and type words in one column, usage text wrapped beside them. */
export function renderFlagUsages(flags: FlagDef[], columns: number, home: string): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = sorted.map((flag) => {
    let head = flag.shorthand ? `  -${flag.shorthand}, --${flag.name}` : `      --${flag.name}`;
    if (flag.type !== '') head += ` ${flag.type}`;
    let usage = flag.usage;
    if (flag.defaultText !== undefined) usage += ` (default ${expandHome(flag.defaultText, home)})`;
    return { head, usage };
  });
  const widest = Math.max(0, ...lines.map((line) => line.head.length + 1));
  let text = '';
  for (const { head, usage } of lines) {
    text += `${head} ${' '.repeat(widest - head.length)} ${wrap(widest + 2, columns, usage)}\n`;
  }
  return text;
}

function trimRight(text: string): string {
  return text.replace(/\s+$/, '');
}

function listing(commands: CommandDef[], parent: CommandDef, decorate: boolean): string {
  const padding = namePadding(parent);
  return commands
    .map((child) =>
      decorate
        ? `\n  ${`${commandName(child)}${child.plugin ? '*' : ' '}`.padEnd(padding + 1)}${child.short}`
        : `\n  ${commandName(child).padEnd(padding)} ${child.short}`,
    )
    .join('');
}

/** The conventions of the plugin a command belongs to, if any (set on the plugin's root). */
export function pluginConventionsOf(def: CommandDef, lineage: CommandDef[]): PluginConventions | undefined {
  return def.pluginConventions ?? [...lineage].reverse().find((ancestor) => ancestor.pluginConventions)?.pluginConventions;
}

function isExperimentalCli(def: CommandDef, lineage: CommandDef[]): boolean {
  return def.experimentalCli === true || lineage.some((ancestor) => ancestor.experimentalCli === true);
}

/**
 * docker/cli's usage template (cli/cobra.go) for `def`. `lineage` lists its ancestors from the root
 * down (empty for the root itself); help for the root adds the command groups and global options.
 */
export function renderHelp(def: CommandDef, lineage: CommandDef[], options: HelpOptions): string {
  const isRoot = def.path.length === 0;
  const path = commandPathOf(def);
  const flags = visibleFlags(def, options.daemon);
  const columns = options.width - 1;
  let text = 'Usage:';
  text += hasSubcommands(def) ? `  ${path}${flags.length > 0 ? ' [OPTIONS]' : ''} COMMAND` : `  ${useLineOf(def)}`;
  text += `\n\n${(def.long ?? def.short).trim()}`;
  if (isExperimentalCli(def, lineage)) {
    text +=
      `\n\nEXPERIMENTAL:\n  ${path} is an experimental feature.\n` +
      '  Experimental features provide early access to product functionality. These\n' +
      '  features may change between releases without warning, or can be removed from a\n' +
      '  future release. Learn more about experimental features in our documentation:\n' +
      '  https://docs.docker.com/go/experimental/';
  }
  if (def.aliases && def.aliases.length > 0) text += `\n\nAliases:\n  ${def.aliases.join(', ')}`;
  if (!isRoot && flags.length > 0) text += `\n\nOptions:\n${trimRight(renderFlagUsages(flags, columns, options.home))}`;

  const children = sortedChildren(def).filter((child) => isAvailable(child, options.daemon));
  if (isRoot) {
    const top = children.filter((child) => child.topRank !== undefined).sort((a, b) => a.topRank! - b.topRank!);
    if (top.length > 0) text += `\n\nCommon Commands:${listing(top, def, true)}`;
  }
  const management = children.filter((child) => (hasSubcommands(child) || child.plugin) && !child.swarmGroup);
  if (management.length > 0) text += `\n\nManagement Commands:${listing(management, def, true)}`;
  const swarm = children.filter((child) => hasSubcommands(child) && child.swarmGroup);
  if (swarm.length > 0) text += `\n\nSwarm Commands:${listing(swarm, def, true)}`;
  const operations = children.filter((child) => !hasSubcommands(child) && !child.plugin && !(isRoot && child.topRank !== undefined));
  if (operations.length > 0) text += `\n\nCommands:${listing(operations, def, false)}`;
  if (isRoot && flags.length > 0) text += `\n\nGlobal Options:\n${trimRight(renderFlagUsages(flags, columns, options.home))}`;
  if (hasSubcommands(def)) text += `\n\nRun '${path} COMMAND --help' for more information on a command.`;
  // docker/cli would embolden this line on a terminal, but its stream wrapper never looks like one there.
  if (isRoot) text += '\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/';
  text += '\n';
  const conventions = pluginConventionsOf(def, lineage);
  if (conventions?.descriptionFirst) text = `${(def.long ?? def.short).trim()}\n\n${text}`;
  if (conventions?.helpFooter) text += `\n${conventions.helpFooter}\n`;
  return text;
}
