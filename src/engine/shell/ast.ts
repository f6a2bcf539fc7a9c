// The syntax tree the shell parser produces and the interpreter walks.

/** A sequence of and-or lists, each ended by `;`, `&` or a newline. */
export interface List {
  items: ListItem[];
}

export interface ListItem {
  andOr: AndOr;
  /** Ended by `&`: the simulator runs it to completion anyway, but `$!` and the job line show. */
  background: boolean;
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export type Command = SimpleCommand | Subshell | Group | IfCommand | LoopCommand | ForCommand;

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface Subshell {
  type: 'subshell';
  body: List;
  redirects: Redirect[];
}

export interface Group {
  type: 'group';
  body: List;
  redirects: Redirect[];
}

export interface IfCommand {
  type: 'if';
  /** `if`/`elif` conditions with their bodies, in order. */
  branches: Array<{ condition: List; body: List }>;
  otherwise: List | undefined;
  redirects: Redirect[];
}

export interface LoopCommand {
  type: 'while' | 'until';
  condition: List;
  body: List;
  redirects: Redirect[];
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** `undefined` for `for x; do` (the positional parameters). */
  items: Word[] | undefined;
  body: List;
  redirects: Redirect[];
}

export interface Assignment {
  name: string;
  value: Word;
}

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** The file descriptor redirected; `undefined` means the operator's default (1 for `>`, 0 for `<`). */
  fd: number | undefined;
  op: RedirectOp;
  /** The file, fd number or here-string; for heredocs the body. */
  target: Word;
  /** Heredoc delimiter was quoted: the body is taken literally. */
  literal?: boolean;
}

export interface Word {
  parts: WordPart[];
}

export type WordPart =
  /** Unquoted text: subject to pathname expansion. */
  | { type: 'literal'; text: string }
  /** Single-quoted, `$'…'` or backslash-escaped text: taken as is. */
  | { type: 'quoted'; text: string }
  /** A double-quoted span: expansions inside it are not split. */
  | { type: 'double'; parts: WordPart[] }
  | { type: 'tilde'; user: string }
  | ParamPart
  | { type: 'command'; body: List; source: string }
  | { type: 'arith'; expression: Word };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'length';

export interface ParamPart {
  type: 'param';
  name: string;
  op?: ParamOp;
  /** The word after the operator (`${A:-word}`). */
  arg?: Word;
}
