// printf's format language: conversions with flags, width and precision; the format repeats for extra arguments.

import { decodeEscape } from '../parser.ts';

export interface PrintfResult {
  text: string;
  /** Arguments that were not numbers where a number was wanted (bash reports each). */
  invalidNumbers: string[];
}

const MAX_WIDTH = 10_000;
const CONVERSION = /%([-+ #0]*)(\*|[0-9]*)(?:\.(\*|[0-9]*))?([diouxXeEfFgGcsbq%])/y;

export function formatPrintf(format: string, args: string[]): PrintfResult {
  const invalidNumbers: string[] = [];
  let text = '';
  let argIndex = 0;
  const next = (): string | undefined => (argIndex < args.length ? args[argIndex++] : undefined);
  for (let round = 0; round < 10_000; round++) {
    const usedBefore = argIndex;
    let stop = false;
    for (let i = 0; i < format.length && !stop; ) {
      const c = format[i];
      if (c === '\\') {
        if (format[i + 1] === 'c') {
          stop = true;
          break;
        }
        const [decoded, used] = decodeEscape(format, i + 1);
        text += decoded;
        i += 1 + used;
        continue;
      }
      if (c !== '%') {
        text += c;
        i++;
        continue;
      }
      CONVERSION.lastIndex = i;
      const match = CONVERSION.exec(format);
      if (!match) {
        text += c;
        i++;
        continue;
      }
      i += match[0].length;
      const [, flags, widthText, precisionText, conversion] = match;
      if (conversion === '%') {
        text += '%';
        continue;
      }
      const width = Math.min(widthText === '*' ? toInt(next() ?? '0') : Number(widthText || 0), MAX_WIDTH);
      const precision = precisionText === undefined ? undefined : Math.min(precisionText === '*' ? toInt(next() ?? '0') : Number(precisionText || 0), MAX_WIDTH);
      const arg = next();
      let body: string;
      switch (conversion) {
        case 's':
          body = arg ?? '';
          if (precision !== undefined) body = body.slice(0, precision);
          break;
        case 'b': {
          const [decoded, stopped] = decodeEchoEscapes(arg ?? '');
          body = decoded;
          if (stopped) stop = true;
          break;
        }
        case 'q':
          body = arg === undefined || arg === '' ? "''" : arg.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&');
          break;
        case 'c':
          body = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          const value = parseInteger(arg ?? '0', invalidNumbers);
          const radix = conversion === 'o' ? 8 : conversion === 'x' || conversion === 'X' ? 16 : 10;
          let digits = (value < 0n && (conversion === 'd' || conversion === 'i') ? -value : BigInt.asUintN(64, value)).toString(radix);
          if (conversion === 'X') digits = digits.toUpperCase();
          if (precision !== undefined) digits = digits.padStart(precision, '0');
          let sign = value < 0n && (conversion === 'd' || conversion === 'i') ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          if (conversion !== 'd' && conversion !== 'i') sign = '';
          if (flags.includes('#') && value !== 0n) digits = (conversion === 'o' ? '0' : conversion === 'x' ? '0x' : conversion === 'X' ? '0X' : '') + digits;
          body = padNumber(sign, digits, width, flags, precision === undefined);
          text += body;
          continue;
        }
        default: {
          const value = parseFloatArg(arg ?? '0', invalidNumbers);
          let formatted = formatFloat(Math.abs(value), conversion, precision ?? 6, flags.includes('#'));
          if (conversion === 'E' || conversion === 'G') formatted = formatted.toUpperCase();
          const sign = value < 0 || Object.is(value, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          text += padNumber(sign, formatted, width, flags, Number.isFinite(value));
          continue;
        }
      }
      text += flags.includes('-') ? body.padEnd(width) : body.padStart(width);
    }
    if (stop || argIndex >= args.length || argIndex === usedBefore) break;
  }
  return { text, invalidNumbers };
}

function padNumber(sign: string, digits: string, width: number, flags: string, zeroAllowed: boolean): string {
  const length = sign.length + digits.length;
  if (length >= width) return sign + digits;
  if (flags.includes('-')) return (sign + digits).padEnd(width);
  if (flags.includes('0') && zeroAllowed) return sign + digits.padStart(width - sign.length, '0');
  return (sign + digits).padStart(width);
}

function toInt(text: string): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : 0;
}

/** Integers as printf reads them: decimal, `0x…`, `0…` octal, or `'c` for a character's code. */
function parseInteger(text: string, invalid: string[]): bigint {
  const trimmed = text.trim();
  if (/^['"]/.test(trimmed)) return BigInt(trimmed.codePointAt(1) ?? 0);
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(trimmed);
  if (!match) {
    if (trimmed !== '') invalid.push(text);
    return 0n;
  }
  if (match[0].length !== trimmed.length) invalid.push(text);
  const body = match[2];
  const magnitude = /^0[xX]/.test(body) ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  return BigInt.asIntN(64, match[1] === '-' ? -magnitude : magnitude);
}

function parseFloatArg(text: string, invalid: string[]): number {
  const trimmed = text.trim();
  if (/^['"]/.test(trimmed)) return trimmed.codePointAt(1) ?? 0;
  const value = Number(trimmed);
  if (trimmed === '' || Number.isNaN(value)) {
    const prefix = Number.parseFloat(trimmed);
    if (trimmed !== '') invalid.push(text);
    return Number.isNaN(prefix) ? 0 : prefix;
  }
  return value;
}

/** The double's exact value as `mantissa × 2^exponent`. */
function decompose(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased !== 0) mantissa |= 1n << 52n;
  return { mantissa, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/** round(value × 10^scale) to an integer, halves to even, exactly as glibc's printf rounds. */
function scaledRound(value: number, scale: number): bigint {
  const { mantissa, exponent } = decompose(value);
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator *= 10n ** BigInt(-scale);
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

function fixed(value: number, digits: number): string {
  const scaled = scaledRound(value, digits).toString().padStart(digits + 1, '0');
  return digits === 0 ? scaled : `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`;
}

/** Digits and decimal exponent of `value` rounded to `significant` digits. */
function scientificParts(value: number, significant: number): { digits: string; exponent: number } {
  if (value === 0) return { digits: '0'.repeat(significant), exponent: 0 };
  let exponent = Math.floor(Math.log10(value));
  for (let attempt = 0; attempt < 3; attempt++) {
    const digits = scaledRound(value, significant - 1 - exponent).toString();
    if (digits.length > significant) exponent++;
    else if (digits.length < significant) exponent--;
    else return { digits, exponent };
  }
  const digits = scaledRound(value, significant - 1 - exponent).toString().slice(0, significant);
  return { digits, exponent };
}

function exponential(value: number, precision: number): string {
  const { digits, exponent } = scientificParts(value, precision + 1);
  const mantissa = precision === 0 ? digits : `${digits[0]}.${digits.slice(1)}`;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** `%f`, `%e` and `%g` of a non-negative value. */
function formatFloat(value: number, conversion: string, precision: number, alternate: boolean): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : 'inf';
  const digits = Math.min(precision, 100);
  if (conversion === 'f' || conversion === 'F') return fixed(value, digits);
  if (conversion === 'e' || conversion === 'E') return exponential(value, digits);
  const significant = digits === 0 ? 1 : digits;
  const { exponent } = scientificParts(value, significant);
  let text = exponent < -4 || exponent >= significant ? exponential(value, significant - 1) : fixed(value, significant - 1 - exponent);
  if (!alternate && text.includes('.')) text = text.replace(/\.?0+(e|$)/, '$1');
  return text;
}

/** Backslash escapes of `echo -e` and `printf %b`; `\c` stops all further output. */
export function decodeEchoEscapes(text: string): [string, boolean] {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      result += c;
      continue;
    }
    const next = text[i + 1];
    if (next === 'c') return [result, true];
    if (next === '0') {
      const match = /^[0-7]{0,3}/.exec(text.slice(i + 2, i + 5));
      const digits = match ? match[0] : '';
      result += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += 1 + digits.length;
      continue;
    }
    if (/[1-7]/.test(next)) {
      result += `\\${next}`;
      i++;
      continue;
    }
    const [decoded, used] = decodeEscape(text, i + 1);
    result += decoded;
    i += used;
  }
  return [result, false];
}
