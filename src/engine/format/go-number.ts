// Go's fmt number verbs (%g with a precision, %d) as the formatters need them, rounding like Go does.

/**
 * The exact decimal digits of a finite positive number and its decimal exponent:
 * value = 0.d1d2d3… × 10^(exponent + 1). JavaScript prints up to 100 exact digits, which covers
 * every size and duration the engine formats.
 */
function exactDigits(value: number): { digits: string; exponent: number } {
  const [mantissa, exponentText] = value.toExponential(99).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exponent: Number(exponentText) };
}

/** Rounds a digit string to `count` significant digits, ties to even (Go's strconv). */
function roundDigits(digits: string, exponent: number, count: number): { digits: string; exponent: number } {
  if (digits.length <= count) return { digits: digits.padEnd(count, '0'), exponent };
  const kept = digits.slice(0, count);
  const rest = digits.slice(count);
  const first = rest.charCodeAt(0) - 48;
  const beyondHalf = first > 5 || (first === 5 && /[1-9]/.test(rest.slice(1)));
  const exactlyHalf = first === 5 && !beyondHalf;
  const lastKept = kept.charCodeAt(count - 1) - 48;
  const roundUp = beyondHalf || (exactlyHalf && lastKept % 2 === 1);
  if (!roundUp) return { digits: kept, exponent };
  const incremented = (BigInt(kept) + 1n).toString();
  if (incremented.length > count) return { digits: incremented.slice(0, count), exponent: exponent + 1 };
  return { digits: incremented.padStart(count, '0'), exponent };
}

/** Go's `fmt.Sprintf("%.<precision>g", value)`: shortest of %e and %f, trailing zeros removed. */
export function formatG(value: number, precision: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude === 0) return `${sign}0`;
  const significant = precision === 0 ? 1 : precision;
  const exact = exactDigits(magnitude);
  const { digits, exponent } = roundDigits(exact.digits, exact.exponent, significant);
  const trimmed = digits.replace(/0+$/, '') || '0';
  if (exponent < -4 || exponent >= significant) {
    const mantissa = trimmed.length > 1 ? `${trimmed[0]}.${trimmed.slice(1)}` : trimmed;
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${sign}${mantissa}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${trimmed}`;
  const integerPart = trimmed.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = trimmed.slice(exponent + 1);
  return fraction ? `${sign}${integerPart}.${fraction}` : `${sign}${integerPart}`;
}
