// JavaScript values seen through Go's eyes for templates: type names, fmt.Print and fmt.Sprintf formatting.

import { formatG } from './go-number.ts';

const GO_TYPE = Symbol('goType');

/** A float64 constant (`1.5`, `1e6` in a template), kept apart from JavaScript's integral numbers. */
export interface GoFloat {
  goFloat: number;
}

export function goFloat(value: number): GoFloat {
  return { goFloat: value };
}

export function isGoFloat(value: unknown): value is GoFloat {
  return typeof value === 'object' && value !== null && 'goFloat' in value && Object.keys(value).length === 1;
}

/** What a missing map key evaluates to: prints as `<no value>`, passes on as nil. */
export const NO_VALUE: unique symbol = Symbol('noValue');

export function isNoValue(value: unknown): value is typeof NO_VALUE {
  return value === NO_VALUE;
}

/**
 * Marks `fields` as a Go struct of type `typeName` (`*formatter.ContainerContext`): a missing field is an
 * error, and function members are methods, called with the template's arguments.
 */
export function goStruct<T extends object>(typeName: string, fields: T): T {
  Object.defineProperty(fields, GO_TYPE, { value: typeName, enumerable: false });
  return fields;
}

export function structTypeName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [GO_TYPE]?: string })[GO_TYPE];
}

function isFloatNumber(value: unknown): boolean {
  return isGoFloat(value) || (typeof value === 'number' && !Number.isInteger(value));
}

/** The Go type name a value would have, for error messages. */
export function goTypeName(value: unknown): string {
  const struct = structTypeName(value);
  if (struct) return struct;
  if (value === null || value === undefined || isNoValue(value)) return 'interface {}';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (isFloatNumber(value)) return 'float64';
  if (typeof value === 'number') return 'int';
  if (typeof value === 'function') return 'func()';
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? '[]string' : '[]interface {}';
  if (value instanceof Map) {
    return [...value.values()].every((item) => typeof item === 'string') ? 'map[string]string' : 'map[string]interface {}';
  }
  return 'map[string]interface {}';
}

/** Go's `%v` for a float64: shortest digits, exponent form below 1e-4 or from 1e6 up (`1e+06`). */
function formatFloatV(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = value < 0 ? '-' : '';
  // strconv's shortest %g decides as if the precision were 6.
  if (exponent < -4 || exponent >= 6) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}

function entriesOf(value: object): [string, unknown][] {
  const entries = value instanceof Map ? [...value.entries()].map(([key, item]): [string, unknown] => [String(key), item]) : Object.entries(value);
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** fmt.Sprint of one value, as `{{.X}}` prints it. */
export function goPrint(value: unknown): string {
  if (isNoValue(value)) return '<no value>';
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isGoFloat(value)) return formatFloatV(value.goFloat);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatFloatV(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function') return '0x0';
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (structTypeName(value)) {
    const fields = Object.values(value).filter((item) => typeof item !== 'function');
    return `{${fields.map(goPrint).join(' ')}}`;
  }
  return `map[${entriesOf(value as object)
    .map(([key, item]) => `${key}:${goPrint(item)}`)
    .join(' ')}]`;
}

/** strconv.Quote: double-quoted with Go escapes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const simple: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
    if (char in simple) out += simple[char];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (!/\p{L}|\p{M}|\p{N}|\p{P}|\p{S}|\x20/u.test(char)) {
      out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

function badVerb(verb: string, value: unknown): string {
  if (value === null || value === undefined || isNoValue(value)) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(value)}=${goPrint(value)})`;
}

function pad(text: string, width: number | undefined, left: boolean, zero: boolean): string {
  if (width === undefined || [...text].length >= width) return text;
  const fill = width - [...text].length;
  if (left) return text + ' '.repeat(fill);
  if (zero) {
    const sign = /^[+-]/.test(text) ? text[0] : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

/** fmt.Sprintf for the verbs templates use: %v %s %q %d %t %x %X %o %b %c %f %e %g %%, flags, width, precision. */
export function formatPrintf(format: string, args: unknown[]): string {
  let out = '';
  let argIndex = 0;
  const pattern = /%([-+# 0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/g;
  let last = 0;
  for (let match = pattern.exec(format); match; match = pattern.exec(format)) {
    out += format.slice(last, match.index);
    last = pattern.lastIndex;
    const [, flags, widthText, precisionText, verb] = match;
    if (verb === undefined) {
      out += '%!(NOVERB)';
      continue;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    const takeInt = (text: string | undefined): number | undefined => {
      if (text === undefined || text === '') return text === '' ? 0 : undefined;
      if (text !== '*') return Number(text);
      const value = args[argIndex++];
      return typeof value === 'number' ? value : undefined;
    };
    const width = takeInt(widthText);
    const precision = takeInt(precisionText);
    const left = flags.includes('-');
    const zero = flags.includes('0') && !left;
    const plus = flags.includes('+');
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const raw = args[argIndex++];
    const value = isNoValue(raw) ? null : raw;
    const isInt = typeof value === 'number' && Number.isInteger(value);
    const isFloat = isFloatNumber(value);
    const floatValue = isGoFloat(value) ? value.goFloat : (value as number);
    let text: string;
    switch (verb) {
      case 'v':
        text = plus && isInt && (value as number) >= 0 ? `+${goPrint(value)}` : goPrint(value);
        break;
      case 's':
        if (typeof value === 'string') text = precision !== undefined ? [...value].slice(0, precision).join('') : value;
        else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) text = goPrint(value);
        else text = badVerb(verb, value);
        break;
      case 'q':
        if (typeof value === 'string') text = goQuote(value);
        else if (isInt) text = `'${String.fromCodePoint(value as number)}'`;
        else text = badVerb(verb, value);
        break;
      case 'd':
        text = isInt ? `${plus && (value as number) >= 0 ? '+' : ''}${value}` : badVerb(verb, value);
        break;
      case 't':
        text = typeof value === 'boolean' ? String(value) : badVerb(verb, value);
        break;
      case 'x':
      case 'X': {
        let hex: string | undefined;
        if (isInt) hex = (value as number).toString(16);
        else if (typeof value === 'string') hex = [...new TextEncoder().encode(value)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
        text = hex === undefined ? badVerb(verb, value) : verb === 'X' ? hex.toUpperCase() : hex;
        break;
      }
      case 'o':
        text = isInt ? (value as number).toString(8) : badVerb(verb, value);
        break;
      case 'b':
        text = isInt ? (value as number).toString(2) : badVerb(verb, value);
        break;
      case 'c':
        text = isInt ? String.fromCodePoint(value as number) : badVerb(verb, value);
        break;
      case 'f':
      case 'F':
        text = isFloat ? floatValue.toFixed(precision ?? 6) : badVerb(verb, value);
        if (isFloat && plus && floatValue >= 0) text = `+${text}`;
        break;
      case 'e':
      case 'E': {
        if (!isFloat) {
          text = badVerb(verb, value);
          break;
        }
        const [mantissa, exponent] = floatValue.toExponential(precision ?? 6).split('e');
        const exponentNumber = Number(exponent);
        text = `${mantissa}e${exponentNumber < 0 ? '-' : '+'}${String(Math.abs(exponentNumber)).padStart(2, '0')}`;
        if (verb === 'E') text = text.toUpperCase();
        break;
      }
      case 'g':
      case 'G':
        text = isFloat ? (precision === undefined ? formatFloatV(floatValue) : formatG(floatValue, precision)) : badVerb(verb, value);
        if (verb === 'G') text = text.toUpperCase();
        break;
      default:
        text = badVerb(verb, value);
    }
    const numeric = isInt || isFloat;
    out += pad(text, width, left, zero && (numeric || (verb !== 's' && verb !== 'q' && verb !== 'v')));
  }
  out += format.slice(last);
  if (argIndex < args.length) {
    const extra = args.slice(argIndex).map((value) => (value === null ? '<nil>' : `${goTypeName(value)}=${goPrint(value)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
