// The shell's own error texts, as bash, dash or BusyBox ash print them, interactively or from a script.

import type { ExpansionProblem } from './expand.ts';
import type { SyntaxProblem } from './parser.ts';

/** Which real shell the simulated one plays: the learner's bash, dash (`sh` on Debian and Ubuntu), BusyBox ash (Alpine, BusyBox). */
export type ShellFlavor = 'bash' | 'dash' | 'busybox';

/** What the shell is reading: the terminal, a `-c` string, a script file, or commands piped into it. */
export type ShellInput = 'interactive' | 'command' | 'script' | 'stdin';

/** Where a message comes from: which shell, what it reads, and the line of the command. */
export interface MessageOrigin {
  flavor: ShellFlavor;
  /** `$0`: the shell's name (`bash`, `sh`, `/bin/sh`) or the script's path. */
  name: string;
  input: ShellInput;
  /** Line of the command in its input; an interactive dash counts every line it has read. */
  line: number;
  /**
   * BusyBox ash: its `commandname` is set outside builtins (a script, or `-c` given a `$0`), so even
   * messages that concern no builtin carry the line.
   */
  named?: boolean;
}

/**
 * One line of the shell's own complaint, with the builtin it concerns (`cd`) when a builtin speaks:
 * `bash: cd: x: No such file or directory`, `./s.sh: line 2: foo: command not found`,
 * `sh: 3: cd: can't cd to x`, `sh: cd: line 1: can't cd to x: No such file or directory`.
 */
export function shellMessage(origin: MessageOrigin, text: string, builtin?: string): string {
  const about = builtin === undefined ? '' : `${builtin}: `;
  switch (origin.flavor) {
    case 'bash':
      // bash numbers lines only when it is not interactive, and not for commands piped in under its own name.
      return origin.input === 'interactive' || (origin.input === 'stdin' && origin.name === 'bash') ? `${origin.name}: ${about}${text}\n` : `${origin.name}: line ${origin.line}: ${about}${text}\n`;
    case 'dash':
      return `${origin.name}: ${origin.line}: ${about}${text}\n`;
    case 'busybox': {
      // ash prints `name: [command: ][line N: ]`: the line when not interactive and it has a command name.
      const command = builtin !== undefined && builtin !== origin.name ? about : '';
      const hasName = builtin !== undefined || origin.named === true;
      // ash counts the lines of a `-c` string from 0.
      const line = origin.input === 'command' ? origin.line - 1 : origin.line;
      return `${origin.name}: ${command}${origin.input !== 'interactive' && hasName ? `line ${line}: ` : ''}${text}\n`;
    }
  }
}

export function syntaxErrorMessage(problem: SyntaxProblem, origin: MessageOrigin): string {
  switch (origin.flavor) {
    case 'dash':
      return shellMessage(origin, `Syntax error: ${dashSyntaxText(problem)}`);
    case 'busybox':
      return shellMessage(origin, `syntax error: ${busyboxSyntaxText(problem)}`);
    case 'bash':
      return shellMessage(origin, bashSyntaxText(problem));
  }
}

function bashSyntaxText(problem: SyntaxProblem): string {
  switch (problem.kind) {
    case 'quote':
      // An open `$((` is a `)` short for bash.
      return `unexpected EOF while looking for matching \`${problem.matching === '))' ? ')' : problem.matching}'`;
    case 'eof':
      return 'syntax error: unexpected end of file';
    default:
      return `syntax error near unexpected token \`${problem.token}'`;
  }
}

function dashSyntaxText(problem: SyntaxProblem): string {
  switch (problem.kind) {
    case 'quote':
      if (problem.matching === '`') return 'EOF in backquote substitution';
      if (problem.matching === '}') return "Missing '}'";
      if (problem.matching === '))') return "Missing '))'";
      if (problem.matching === ')') return 'end of file unexpected (expecting ")")';
      return 'Unterminated quoted string';
    case 'eof':
      return problem.expecting ? `end of file unexpected (expecting "${problem.expecting}")` : 'end of file unexpected';
    default:
      return problem.token === 'newline' ? 'newline unexpected' : `"${problem.token}" unexpected`;
  }
}

function busyboxSyntaxText(problem: SyntaxProblem): string {
  switch (problem.kind) {
    case 'quote':
      if (problem.matching === '`') return 'EOF in backquote substitution';
      if (problem.matching === '}') return "missing '}'";
      if (problem.matching === '))') return "missing '))'";
      if (problem.matching === ')') return 'unexpected end of file (expecting ")")';
      return 'unterminated quoted string';
    case 'eof':
      return problem.expecting ? `unexpected end of file (expecting "${problem.expecting}")` : 'unexpected end of file';
    default:
      return problem.token === 'newline' ? 'unexpected newline' : `unexpected "${problem.token}"`;
  }
}

export function heredocWarning(origin: MessageOrigin, line: number, delimiter: string): string {
  if (origin.flavor !== 'bash') return '';
  return shellMessage(origin, `warning: here-document at line ${line} delimited by end-of-file (wanted \`${delimiter}')`);
}

export function commandNotFound(origin: MessageOrigin, name: string): string {
  return shellMessage(origin, origin.flavor === 'bash' ? `${name}: command not found` : `${name}: not found`);
}

/** A failed expansion: bash's `message`, or dash's and ash's own words for the problems they word differently. */
export function expansionErrorMessage(origin: MessageOrigin, message: string, problem?: ExpansionProblem): string {
  if (origin.flavor === 'bash' || problem === undefined) return shellMessage(origin, message);
  const dash = origin.flavor === 'dash';
  switch (problem.kind) {
    case 'bad-substitution':
      return shellMessage(origin, dash ? 'Bad substitution' : 'syntax error: bad substitution');
    case 'division-by-zero':
      return shellMessage(origin, dash ? `arithmetic expression: division by zero: "${problem.expression}"` : 'divide by zero');
    case 'arithmetic-syntax':
      return shellMessage(origin, dash ? `arithmetic expression: expecting primary: "${problem.expression}"` : 'arithmetic syntax error');
  }
}
