// The commands the shell itself provides, and the order in which a command name is looked up.

import type { CommandContext } from '../../exec/context.ts';
import type { Interpreter, Io } from '../interpreter.ts';
import type { Program, ShellSession } from '../session.ts';
import { isFsError, type FileSystem } from '../vfs.ts';
import { BUSYBOX_APPLETS } from './busybox-files.ts';
import { SHELL_BUILTINS } from './shell-builtins.ts';
import { FILE_UTILITIES } from './file-utilities.ts';
import { TEXT_UTILITIES } from './text-utilities.ts';
import { SYSTEM_UTILITIES } from './system-utilities.ts';

/** What a command of the shell's own sees: the usual context plus the shell that runs it. */
export interface BuiltinContext extends CommandContext {
  fs: FileSystem;
  session: ShellSession;
  shell: Interpreter;
  io: Io;
}

export type Builtin = (ctx: BuiltinContext, argv: string[]) => number;

export type CommandEntry = { kind: 'builtin'; builtin: Builtin } | { kind: 'program'; program: Program };

/** Utilities that live as files in the PATH (`/usr/bin/ls`), as opposed to shell builtins. */
export const UTILITIES: Record<string, Builtin> = { ...FILE_UTILITIES, ...TEXT_UTILITIES, ...SYSTEM_UTILITIES };

/** Builtins that also exist as files in /usr/bin, so `which` finds them. */
export const BUILTINS_WITH_BINARIES = new Set(['echo', 'printf', 'pwd', 'test', '[', 'true', 'false', 'kill']);

export const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!', '[[', ']]', 'function', 'select', 'time', 'coproc']);

/**
 * Looks a name up as bash would: builtins first, then what is on the PATH (the machine's programs,
 * which may replace a utility, then the shell's utilities: BusyBox's applets in a BusyBox image).
 */
export function findCommand(session: ShellSession, name: string, options: { binariesOnly?: boolean } = {}): CommandEntry | undefined {
  if (!options.binariesOnly || BUILTINS_WITH_BINARIES.has(name)) {
    const builtin = Object.hasOwn(SHELL_BUILTINS, name) ? SHELL_BUILTINS[name] : undefined;
    if (builtin) return { kind: 'builtin', builtin };
  }
  const program = session.programs(name);
  if (program) return { kind: 'program', program };
  const applet = session.flavor === 'busybox' && Object.hasOwn(BUSYBOX_APPLETS, name) ? BUSYBOX_APPLETS[name] : undefined;
  if (applet) return { kind: 'builtin', builtin: applet };
  const utility = Object.hasOwn(UTILITIES, name) ? UTILITIES[name] : undefined;
  if (utility) return { kind: 'builtin', builtin: utility };
  return undefined;
}

/**
 * Where a PATH command lives, as `which` and `type` print it: the first PATH folder whose file system
 * holds it (a container's image), else where the system would keep it. Undefined when it is not on the PATH.
 */
export function commandPath(session: ShellSession, name: string): string | undefined {
  const onPath = session.programs(name) !== undefined || Object.hasOwn(UTILITIES, name) || BUILTINS_WITH_BINARIES.has(name);
  if (!onPath) return undefined;
  for (const dir of (session.env.PATH ?? '').split(':')) {
    if (!dir.startsWith('/')) continue;
    const path = `${dir.replace(/\/+$/, '')}/${name}`;
    const stat = session.fs.stat(path);
    if (!isFsError(stat) && stat.type === 'file' && (stat.mode & 0o111) !== 0) return path;
  }
  return session.flavor === 'busybox' && !session.programs(name) ? `/bin/${name}` : `/usr/bin/${name}`;
}

export function isShellBuiltin(name: string): boolean {
  return Object.hasOwn(SHELL_BUILTINS, name);
}
