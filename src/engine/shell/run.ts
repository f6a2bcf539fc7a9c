// The shell's entry points: run a source text in a session, and tell whether a source is complete yet.

import type { Output } from '../exec/context.ts';
import { Interpreter } from './interpreter.ts';
import { Parser, ShellSyntaxError } from './parser.ts';
import { HISTORY_SIZE, type ShellSession } from './session.ts';
import { BudgetExceeded, ExitSignal } from './signals.ts';

export interface ShellIo {
  out: Output;
  /** Whether the output is a terminal (the browser terminal is one). */
  tty: boolean;
  columns: number;
}

/**
 * Runs one or more lines as the interactive shell would, appending the source to the history.
 * Returns the exit status of the last pipeline. Never throws: a failure of the shell itself is
 * reported as `bash: internal error`.
 */
export function runShell(session: ShellSession, source: string, io: ShellIo): number {
  const entry = source.replace(/\n+$/, '');
  if (entry.trim() !== '') remember(session, entry);
  const shell = new Interpreter(session);
  shell.lineBase = session.lineNumber ?? 0;
  let status: number;
  try {
    status = shell.runSource(source, { stdin: undefined, out: io.out, tty: io.tty, columns: io.columns });
  } catch (signal) {
    if (signal instanceof ExitSignal) status = signal.status;
    else if (signal instanceof BudgetExceeded) status = 130;
    else {
      try {
        io.out.stderr(shell.message('internal error'));
      } catch {
        // Nothing more can be done without throwing to the caller.
      }
      status = 1;
    }
  }
  session.lineNumber = (session.lineNumber ?? 0) + sourceLines(source);
  session.lastExitCode = status;
  return status;
}

/** Adds a line to the history, dropping the oldest past HISTORY_SIZE as bash does; the numbers go on. */
function remember(session: ShellSession, entry: string): void {
  const history = session.history;
  history.push(entry);
  const excess = history.length - HISTORY_SIZE;
  if (excess > 0) {
    history.splice(0, excess);
    session.historyBase = (session.historyBase ?? 0) + excess;
  }
}

/** The lines a source takes as a shell reads it (a final newline ends the last line, it starts no new one). */
export function sourceLines(source: string): number {
  let lines = 1;
  for (let i = 0; i < source.length - 1; i++) if (source.charCodeAt(i) === 10) lines++;
  return lines;
}

/**
 * False while an interactive shell would wait for another line: an open quote or `$(`, a heredoc
 * without its delimiter, a trailing `\`, `|`, `&&` or `||`, an unfinished `if`/`for`/`while`.
 */
export function isComplete(source: string): boolean {
  const parser = new Parser(source);
  try {
    parser.parseAll();
  } catch (error) {
    if (error instanceof ShellSyntaxError) return error.problem.kind === 'token';
    return true;
  }
  return parser.warnings.length === 0 && !parser.trailingBackslash;
}
