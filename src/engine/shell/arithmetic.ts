// Shell arithmetic for `$((…))`: integers, variables, the C operators bash supports, without assignment.

import { ExpansionError } from './expand.ts';

export interface ArithmeticHost {
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
}

type Token = { type: 'num'; value: bigint } | { type: 'name'; name: string } | { type: 'op'; op: string };

const OPERATORS = ['<<=', '>>=', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '**', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '(', ')', '?', ':', '=', ','];
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=']);
const MAX_DEPTH = 64;

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
  '**': 11,
};

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let end = i;
      while (end < expression.length && /[0-9a-zA-Z#_]/.test(expression[end])) end++;
      tokens.push({ type: 'num', value: parseNumber(expression.slice(i, end), expression) });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let end = i;
      while (end < expression.length && /[A-Za-z0-9_]/.test(expression[end])) end++;
      tokens.push({ type: 'name', name: expression.slice(i, end) });
      i = end;
      continue;
    }
    if (c === '$') {
      i++;
      continue;
    }
    const op = OPERATORS.find((candidate) => expression.startsWith(candidate, i));
    if (!op) throw syntaxError(expression, expression.slice(i));
    tokens.push({ type: 'op', op });
    i += op.length;
  }
  return tokens;
}

function parseNumber(text: string, expression: string): bigint {
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(text)) return BigInt(text);
    if (/^0[0-7]*$/.test(text)) return text === '0' ? 0n : BigInt(`0o${text.slice(1)}`);
    if (/^[1-9][0-9]*$/.test(text)) return BigInt(text);
  } catch {
    // falls through to the error below
  }
  throw new ExpansionError(`${expression}: value too great for base (error token is "${text}")`);
}

function syntaxError(expression: string, rest: string): ExpansionError {
  return new ExpansionError(`${expression.trim()}: syntax error: operand expected (error token is "${rest.trim()}")`, 1, { kind: 'arithmetic-syntax', expression });
}

/** Wraps to 64-bit two's complement, as bash's intmax_t does. */
function wrap(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** Evaluates an arithmetic expression; throws ExpansionError with bash's message when it is invalid. */
export function evaluateArithmetic(expression: string, host: ArithmeticHost, depth = 0): bigint {
  if (expression.trim() === '') return 0n;
  if (depth > MAX_DEPTH) throw new ExpansionError(`${expression}: expression recursion level exceeded`);
  const tokens = tokenize(expression);
  let index = 0;

  const peekOp = (): string | undefined => {
    const token = tokens[index];
    return token?.type === 'op' ? token.op : undefined;
  };
  const rest = (): string => {
    const token = tokens[index];
    if (!token) return '';
    return token.type === 'op' ? token.op : token.type === 'name' ? token.name : String(token.value);
  };

  const valueOf = (name: string): bigint => {
    const raw = (host.lookup(name) ?? '').trim();
    if (raw === '') return 0n;
    return evaluateArithmetic(raw, host, depth + 1);
  };

  const primary = (level: number): bigint => {
    if (level > MAX_DEPTH) throw new ExpansionError(`${expression}: expression recursion level exceeded`);
    const token = tokens[index];
    if (!token) throw syntaxError(expression, '');
    if (token.type === 'num') {
      index++;
      return token.value;
    }
    if (token.type === 'name') {
      index++;
      const op = peekOp();
      if (op !== undefined && ASSIGNMENTS.has(op)) {
        index++;
        const right = ternary(level + 1);
        const value = op === '=' ? right : apply(op.slice(0, -1), valueOf(token.name), right, expression);
        host.assign(token.name, String(value));
        return value;
      }
      if (op === '++' || op === '--') {
        index++;
        const value = valueOf(token.name);
        host.assign(token.name, String(wrap(op === '++' ? value + 1n : value - 1n)));
        return value;
      }
      return valueOf(token.name);
    }
    switch (token.op) {
      case '++':
      case '--': {
        index++;
        const target = tokens[index];
        if (target?.type !== 'name') throw syntaxError(expression, rest());
        index++;
        const value = wrap(valueOf(target.name) + (token.op === '++' ? 1n : -1n));
        host.assign(target.name, String(value));
        return value;
      }
      case '(': {
        index++;
        const value = ternary(level + 1);
        if (peekOp() !== ')') throw syntaxError(expression, rest());
        index++;
        return value;
      }
      case '-':
        index++;
        return wrap(-primary(level + 1));
      case '+':
        index++;
        return primary(level + 1);
      case '!':
        index++;
        return primary(level + 1) === 0n ? 1n : 0n;
      case '~':
        index++;
        return wrap(~primary(level + 1));
      default:
        throw syntaxError(expression, rest());
    }
  };

  const binary = (minPrecedence: number, level: number): bigint => {
    let left = primary(level);
    for (;;) {
      const op = peekOp();
      const precedence = op ? BINARY_PRECEDENCE[op] : undefined;
      if (op === undefined || precedence === undefined || precedence < minPrecedence) return left;
      index++;
      const right = binary(op === '**' ? precedence : precedence + 1, level + 1);
      left = apply(op, left, right, expression);
    }
  };

  const ternary = (level: number): bigint => {
    const condition = binary(1, level);
    if (peekOp() !== '?') return condition;
    index++;
    const whenTrue = ternary(level + 1);
    if (peekOp() !== ':') throw syntaxError(expression, rest());
    index++;
    const whenFalse = ternary(level + 1);
    return condition !== 0n ? whenTrue : whenFalse;
  };

  let value = ternary(0);
  while (peekOp() === ',') {
    index++;
    value = ternary(0);
  }
  if (index < tokens.length) throw syntaxError(expression, rest());
  return value;
}

function apply(op: string, left: bigint, right: bigint, expression: string): bigint {
  switch (op) {
    case '+':
      return wrap(left + right);
    case '-':
      return wrap(left - right);
    case '*':
      return wrap(left * right);
    case '/':
    case '%':
      if (right === 0n) {
        const token = expression.trim().split(/[/%]/).pop()?.trim() ?? '';
        throw new ExpansionError(`${expression.trim()}: division by 0 (error token is "${token}")`, 1, { kind: 'division-by-zero', expression });
      }
      return wrap(op === '/' ? left / right : left % right);
    case '**':
      if (right < 0n) throw new ExpansionError(`${expression.trim()}: exponent less than 0 (error token is "${String(right)}")`);
      return right > 64n ? (left === 0n || left === 1n ? left : wrap(left ** 64n)) : wrap(left ** right);
    case '<<':
      return wrap(left << (right & 63n));
    case '>>':
      return left >> (right & 63n);
    case '<':
      return left < right ? 1n : 0n;
    case '>':
      return left > right ? 1n : 0n;
    case '<=':
      return left <= right ? 1n : 0n;
    case '>=':
      return left >= right ? 1n : 0n;
    case '==':
      return left === right ? 1n : 0n;
    case '!=':
      return left !== right ? 1n : 0n;
    case '&':
      return left & right;
    case '|':
      return left | right;
    case '^':
      return left ^ right;
    case '&&':
      return left !== 0n && right !== 0n ? 1n : 0n;
    case '||':
      return left !== 0n || right !== 0n ? 1n : 0n;
    default:
      throw new ExpansionError(`${expression}: syntax error in expression`, 1, { kind: 'arithmetic-syntax', expression });
  }
}
