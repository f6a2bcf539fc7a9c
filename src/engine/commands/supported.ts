// What the simulator plays, read from the command declarations: the commands with a run, their other names and the flags they honour.

import type { CommandDef, FlagDef } from '../cli/command.ts';
import { commandPathOf } from '../cli/help.ts';

export interface SupportedCommand {
  /** The command's own path: `docker container run`. */
  path: string;
  /** The other ways to type it, as help's "Aliases:" lists them: `docker run`. */
  aliases: string[];
  /** The flags its run honours (`-d, --detach`), in name order; `null` when it has not declared them yet. */
  flags: string[] | null;
}

function flagLabel(flag: FlagDef): string {
  return flag.shorthand ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`;
}

/** Labels of the declared flags named in `names`, sorted by long name as help sorts them. */
export function flagLabels(def: CommandDef, names: readonly string[]): string[] {
  return def.flags
    .filter((flag) => names.includes(flag.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(flagLabel);
}

/** Every command with a run under `root`, once each (a top-level shortcut counts as an alias of its target). */
export function supportedCommands(root: CommandDef): SupportedCommand[] {
  const found: SupportedCommand[] = [];
  const visit = (def: CommandDef) => {
    if (def.run && !def.shortcutOf) {
      const path = commandPathOf(def);
      found.push({
        path,
        aliases: (def.aliases ?? []).filter((alias) => alias !== path),
        flags: def.supportedFlags ? flagLabels(def, def.supportedFlags) : null,
      });
    }
    for (const child of def.subcommands ?? []) visit(child);
  };
  visit(root);
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The global options (`-D, --debug`) that simulated commands honour. */
export function supportedGlobalOptions(root: CommandDef): string[] {
  return flagLabels(root, root.supportedFlags ?? []);
}

function code(text: string): string {
  return `\`${text}\``;
}

/** The list as Markdown: one table row per command, with its aliases and the flags it honours. */
export function supportedCommandsMarkdown(root: CommandDef): string {
  const rows = supportedCommands(root).map((command) => {
    const flags = command.flags === null ? 'all declared (not yet listed)' : command.flags.length === 0 ? 'none' : command.flags.map(code).join(', ');
    const aliases = command.aliases.length === 0 ? '' : command.aliases.map(code).join(', ');
    return `| ${code(command.path)} | ${aliases} | ${flags} |`;
  });
  const globals = supportedGlobalOptions(root);
  return [
    '# Docker commands the simulator supports',
    '',
    'Generated from the command declarations (`npm run --silent supported`). Every other Docker',
    'command, and every other flag of these, is declared with its real help text but answers that',
    'the simulator does not support it yet.',
    '',
    '| Command | Also typed as | Supported flags |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Global options honoured: ${globals.length === 0 ? 'none' : globals.map(code).join(', ')} (and \`--help\`, \`--version\`).`,
    '',
  ].join('\n');
}

/** The simulated commands as a learner types them (the shortest form), groups folded: `network (create, ls)`. */
export function supportedCommandNames(root: CommandDef): string[] {
  const shortest = supportedCommands(root).map((command) => {
    const forms = [command.path, ...command.aliases].map((form) => form.replace(/^docker /, ''));
    return forms.reduce((best, form) => (form.split(' ').length < best.split(' ').length ? form : best));
  });
  const single = shortest.filter((name) => !name.includes(' ')).sort();
  const groups = new Map<string, string[]>();
  for (const name of shortest.filter((name) => name.includes(' '))) {
    const [group, ...rest] = name.split(' ');
    groups.set(group, [...(groups.get(group) ?? []), rest.join(' ')]);
  }
  const grouped = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, verbs]) => `${group} (${verbs.sort().join(', ')})`);
  return [...single, ...grouped];
}

/**
 * What the terminal's `help` says of `docker`: one line, then the simulated commands, indented by
 * four spaces and wrapped within `width` columns.
 */
export function dockerHelpSummary(root: CommandDef, width = 80): string {
  const names = supportedCommandNames(root);
  const text = `Simulated: ${names.length === 0 ? 'none yet' : names.join(', ')}; other commands and flags say that they are not.`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && 4 + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return ['the Docker CLI, talking to the simulated engine', ...lines.map((entry) => `    ${entry}`)].join('\n');
}
