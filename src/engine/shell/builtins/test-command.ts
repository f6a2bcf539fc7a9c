// `test` and `[`: file tests, string and integer comparisons, `!`, `-a`, `-o` and parentheses.

import { isFsError, resolvePath } from '../vfs.ts';
import type { BuiltinContext } from './registry.ts';
import { appletError } from './common.ts';

const UNARY = new Set(['-e', '-a', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-n', '-z', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** A problem that makes test answer 2 with a message (bash's words; dash and ash word it from the details). */
class TestError {
  readonly message: string;
  /** A word that is not a number where one was needed. */
  readonly number?: string;
  /** Index of the first word left over after an expression. */
  readonly leftover?: number;
  constructor(message: string, details: { number?: string; leftover?: number } = {}) {
    this.message = message;
    this.number = details.number;
    this.leftover = details.leftover;
  }
}

export function runTest(ctx: BuiltinContext, argv: string[], name: 'test' | '['): number {
  let args = argv.slice(1);
  const flavor = ctx.session.flavor;
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      if (flavor === 'busybox') appletError(ctx, 'missing ]');
      else ctx.out.stderr(ctx.shell.message(flavor === 'dash' ? 'missing ]' : "missing `]'", '['));
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args, 0) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    if (flavor === 'dash') {
      // dash names the word before the one it could not place.
      const text = error.number !== undefined ? `Illegal number: ${error.number}` : error.leftover !== undefined ? `${args[error.leftover - 1]}: unexpected operator` : error.message;
      ctx.out.stderr(ctx.shell.message(text, name));
    } else if (flavor === 'busybox') {
      appletError(ctx, error.number !== undefined ? `${error.number}: bad number` : error.leftover !== undefined ? `${args[error.leftover]}: unknown operand` : error.message);
    } else ctx.out.stderr(ctx.shell.message(error.message, name));
    return 2;
  }
}

/** Evaluates `args`, which start at `offset` among test's operands (for the messages). */
function evaluate(ctx: BuiltinContext, args: string[], offset: number): boolean {
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (UNARY.has(args[0])) return unary(ctx, args[0], args[1]);
      throw new TestError(`${args[0]}: unary operator expected`, { leftover: offset + 1 });
    case 3:
      if (BINARY.has(args[1])) return binary(ctx, args[0], args[1], args[2]);
      if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
      if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
      if (args[0] === '!') return !evaluate(ctx, args.slice(1), offset + 1);
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      throw new TestError(`${args[1]}: binary operator expected`, { leftover: offset + (UNARY.has(args[0]) ? 2 : 1) });
    case 4:
      if (args[0] === '!') return !evaluate(ctx, args.slice(1), offset + 1);
      if (args[0] === '(' && args[3] === ')') return evaluate(ctx, args.slice(1, 3), offset + 1);
      return general(ctx, args, offset);
    default:
      return general(ctx, args, offset);
  }
}

/** The full grammar for longer expressions: `-o` binds looser than `-a`, `!` and parentheses tighter. */
function general(ctx: BuiltinContext, args: string[], offset: number): boolean {
  let index = 0;
  const or = (depth: number): boolean => {
    let value = and(depth);
    while (args[index] === '-o') {
      index++;
      const right = and(depth);
      value = value || right;
    }
    return value;
  };
  const and = (depth: number): boolean => {
    let value = not(depth);
    while (args[index] === '-a') {
      index++;
      const right = not(depth);
      value = value && right;
    }
    return value;
  };
  const not = (depth: number): boolean => {
    if (depth > 100) throw new TestError('expression too deeply nested');
    if (args[index] === '!') {
      index++;
      return !not(depth + 1);
    }
    return primary(depth);
  };
  const primary = (depth: number): boolean => {
    const arg = args[index];
    if (arg === undefined) throw new TestError('argument expected');
    if (arg === '(') {
      index++;
      const value = or(depth + 1);
      if (args[index] !== ')') throw new TestError(`\`)' expected`);
      index++;
      return value;
    }
    if (UNARY.has(arg) && index + 1 < args.length) {
      index += 2;
      return unary(ctx, arg, args[index - 1]);
    }
    if (BINARY.has(args[index + 1] ?? '') && index + 2 < args.length) {
      index += 3;
      return binary(ctx, arg, args[index - 2], args[index - 1]);
    }
    index++;
    return arg !== '';
  };
  const value = or(0);
  if (index < args.length) throw new TestError('too many arguments', { leftover: offset + index });
  return value;
}

function unary(ctx: BuiltinContext, op: string, operand: string): boolean {
  if (op === '-n') return operand !== '';
  if (op === '-z') return operand === '';
  if (op === '-t') return false;
  const path = resolvePath(ctx.session.cwd, operand);
  if (op === '-L' || op === '-h') {
    const stat = ctx.fs.lstat(path);
    return !isFsError(stat) && stat.type === 'symlink';
  }
  const stat = ctx.fs.stat(path);
  if (isFsError(stat)) return false;
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f':
      return stat.type === 'file';
    case '-d':
      return stat.type === 'dir';
    case '-s':
      return stat.size > 0;
    case '-r':
      return (stat.mode & 0o444) !== 0 || ctx.session.user === 'root';
    case '-w':
      return (stat.mode & 0o222) !== 0 || ctx.session.user === 'root';
    case '-x':
      return (stat.mode & 0o111) !== 0;
    default:
      return false;
  }
}

function integer(text: string): bigint {
  const trimmed = text.trim();
  if (!/^[+-]?[0-9]+$/.test(trimmed)) throw new TestError(`${text}: integer expression expected`, { number: text });
  return BigInt(trimmed);
}

function binary(ctx: BuiltinContext, left: string, op: string, right: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-eq':
      return integer(left) === integer(right);
    case '-ne':
      return integer(left) !== integer(right);
    case '-lt':
      return integer(left) < integer(right);
    case '-le':
      return integer(left) <= integer(right);
    case '-gt':
      return integer(left) > integer(right);
    case '-ge':
      return integer(left) >= integer(right);
    case '-nt':
    case '-ot': {
      const a = ctx.fs.stat(resolvePath(ctx.session.cwd, left));
      const b = ctx.fs.stat(resolvePath(ctx.session.cwd, right));
      if (isFsError(a) || isFsError(b)) return op === '-nt' ? !isFsError(a) : !isFsError(b);
      return op === '-nt' ? a.mtime > b.mtime : a.mtime < b.mtime;
    }
    case '-ef':
      return resolvePath(ctx.session.cwd, left) === resolvePath(ctx.session.cwd, right);
    default:
      return false;
  }
}
