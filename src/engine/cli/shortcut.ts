// Declares a command under a second path, as Docker does for `docker ps` (= `docker container ls`) and `docker builder build`.

import type { CommandDef } from './command.ts';

/**
 * The same command (flags, help text, aliases, argument rule) at `path`: only the use line's first
 * word changes. Its `run` is looked up on the target when it runs, so the target stays the one place
 * that defines the behaviour.
 */
export function shortcut(target: CommandDef, path: string[], extra: Pick<CommandDef, 'topRank'> = {}): CommandDef {
  const space = target.use.indexOf(' ');
  const rest = space < 0 ? '' : target.use.slice(space);
  const { run: _run, ...declaration } = target;
  return { ...declaration, ...extra, path, use: `${path.at(-1)}${rest}`, shortcutOf: target };
}
