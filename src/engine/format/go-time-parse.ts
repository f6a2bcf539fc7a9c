// Go's time.Parse for the numeric layouts docker/cli's GetTimestamp picks, with Go's own error texts.

/** The layout elements those layouts are made of; anything else in a layout is literal text. */
const ELEMENTS = ['2006', '01', '02', '15', '04', '05', '.999999999', 'Z07:00'] as const;
type Element = (typeof ELEMENTS)[number];

export type GoTimeResult = { ok: true; ms: number; nanos: number } | { ok: false; message: string };

function quote(text: string): string {
  return JSON.stringify(text);
}

function isDigit(text: string, index: number): boolean {
  return index < text.length && text[index] >= '0' && text[index] <= '9';
}

/** Splits `layout` into literal text and elements, as Go's nextStdChunk walks it. */
function chunks(layout: string): { literal: string; element?: Element }[] {
  const parts: { literal: string; element?: Element }[] = [];
  let literal = '';
  let index = 0;
  while (index < layout.length) {
    const element = ELEMENTS.find((candidate) => layout.startsWith(candidate, index));
    if (element === undefined) {
      literal += layout[index++];
      continue;
    }
    parts.push({ literal, element });
    literal = '';
    index += element.length;
  }
  parts.push({ literal });
  return parts;
}

/** Go's getnum: one or two digits, exactly two when `fixed`. */
function getnum(text: string, fixed: boolean): { ok: true; value: number; rest: string } | { ok: false } {
  if (!isDigit(text, 0)) return { ok: false };
  if (!isDigit(text, 1)) return fixed ? { ok: false } : { ok: true, value: Number(text[0]), rest: text.slice(1) };
  return { ok: true, value: Number(text.slice(0, 2)), rest: text.slice(2) };
}

/** Epoch ms of a UTC date and time; years below 100 stay themselves (Date.UTC would read them as 19xx). */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function daysIn(month: number, year: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

/**
 * `time.Parse(layout, value)` (or ParseInLocation with a zone offset of `offsetMinutes`), for layouts
 * built from 2006 01 02 15 04 05 .999999999 Z07:00 and literal text. Errors read as Go's ParseError.
 */
export function parseGoTime(layout: string, value: string, offsetMinutes = 0): GoTimeResult {
  const cannotParse = (valueElem: string, layoutElem: string): GoTimeResult => ({
    ok: false,
    message: `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`,
  });
  const failure = (message: string): GoTimeResult => ({ ok: false, message: `parsing time ${quote(value)}${message}` });
  let rest = value;
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanos = 0;
  let zone = offsetMinutes;
  const parts = chunks(layout);
  for (const [index, { literal, element }] of parts.entries()) {
    for (const char of literal) {
      if (rest[0] !== char) return cannotParse(rest, literal);
      rest = rest.slice(1);
    }
    if (element === undefined) {
      if (rest !== '') return failure(`: extra text: ${quote(rest)}`);
      break;
    }
    const hold = rest;
    let range = '';
    const fraction = (): void => {
      // Any number of digits after `.` or `,`, nine at most counted.
      let end = 1;
      while (isDigit(rest, end)) end++;
      nanos = Number(rest.slice(1, Math.min(end, 10)).padEnd(9, '0'));
      rest = rest.slice(end);
    };
    if (element === '2006') {
      if (rest.length < 4 || !isDigit(rest, 0) || !/^\d{4}$/.test(rest.slice(0, 4))) return cannotParse(hold, element);
      year = Number(rest.slice(0, 4));
      rest = rest.slice(4);
    } else if (element === '.999999999') {
      // An omitted fraction is fine.
      if ((rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) fraction();
    } else if (element === 'Z07:00') {
      if (rest[0] === 'Z') {
        zone = 0;
        rest = rest.slice(1);
      } else {
        if (rest.length < 6 || rest[3] !== ':' || (rest[0] !== '+' && rest[0] !== '-')) return cannotParse(hold, element);
        const hours = getnum(rest.slice(1, 3), true);
        const minutes = getnum(rest.slice(4, 6), true);
        if (!hours.ok || !minutes.ok) return cannotParse(hold, element);
        if (hours.value > 24) range = 'time zone offset hour';
        else if (minutes.value > 60) range = 'time zone offset minute';
        zone = (rest[0] === '-' ? -1 : 1) * (hours.value * 60 + minutes.value);
        rest = rest.slice(6);
      }
    } else {
      const number = getnum(rest, element !== '15');
      if (!number.ok) return cannotParse(hold, element);
      rest = number.rest;
      if (element === '01') {
        month = number.value;
        if (month < 1 || month > 12) range = 'month';
      } else if (element === '02') day = number.value;
      else if (element === '15') {
        hour = number.value;
        if (hour >= 24) range = 'hour';
      } else if (element === '04') {
        minute = number.value;
        if (minute >= 60) range = 'minute';
      } else {
        second = number.value;
        if (second >= 60) range = 'second';
        // A fraction the layout does not ask for is still taken after the seconds.
        else if ((rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1) && parts[index + 1]?.element !== '.999999999') fraction();
      }
    }
    if (range !== '') return failure(`: ${range} out of range`);
  }
  if (day < 1 || day > daysIn(month, year)) return failure(': day out of range');
  const ms = utc(year, month, day, hour, minute, second) - zone * 60_000 + Math.floor(nanos / 1_000_000);
  return { ok: true, ms, nanos: nanos % 1_000_000 };
}
