// The shell's own error texts, as bash (interactive) or dash print them.

import type { SyntaxProblem } from './parser.ts';

/** Where a message comes from: the interactive shell, or a script at a line. */
export interface MessageOrigin {
  flavor: 'bash' | 'sh';
  /** `bash`/`sh` for the interactive shell, the script's path otherwise. */
  name: string;
  interactive: boolean;
  line: number;
}

/** `bash: ` interactively, `./s.sh: line 3: ` in a script, `sh: 3: ` for dash. */
export function messagePrefix(origin: MessageOrigin): string {
  if (origin.flavor === 'sh') return `${origin.name}: ${origin.line}: `;
  return origin.interactive ? `${origin.name}: ` : `${origin.name}: line ${origin.line}: `;
}

export function syntaxErrorMessage(problem: SyntaxProblem, origin: MessageOrigin): string {
  const prefix = messagePrefix(origin);
  if (origin.flavor === 'sh') {
    switch (problem.kind) {
      case 'quote':
        if (problem.matching === '`') return `${prefix}Syntax error: EOF in backquote substitution\n`;
        if (problem.matching === '}') return `${prefix}Syntax error: Missing '}'\n`;
        if (problem.matching === ')') return `${prefix}Syntax error: end of file unexpected (expecting ")")\n`;
        return `${prefix}Syntax error: Unterminated quoted string\n`;
      case 'eof':
        return `${prefix}Syntax error: end of file unexpected\n`;
      default:
        return problem.token === 'newline'
          ? `${prefix}Syntax error: newline unexpected\n`
          : `${prefix}Syntax error: "${problem.token}" unexpected\n`;
    }
  }
  switch (problem.kind) {
    case 'quote':
      return `${prefix}unexpected EOF while looking for matching \`${problem.matching}'\n`;
    case 'eof':
      return `${prefix}syntax error: unexpected end of file\n`;
    default:
      return `${prefix}syntax error near unexpected token \`${problem.token}'\n`;
  }
}

export function heredocWarning(origin: MessageOrigin, line: number, delimiter: string): string {
  if (origin.flavor === 'sh') return '';
  return `${messagePrefix(origin)}warning: here-document at line ${line} delimited by end-of-file (wanted \`${delimiter}')\n`;
}

export function commandNotFound(origin: MessageOrigin, name: string): string {
  return origin.flavor === 'sh' ? `${messagePrefix(origin)}${name}: not found\n` : `${messagePrefix(origin)}${name}: command not found\n`;
}
