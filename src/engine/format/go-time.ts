// Go's time formats as Docker prints them: time.Time.String, RFC3339Nano (trimmed and fixed) and the zero time.

/** What an unset time.Time marshals to. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function dateAndClock(ms: number, dateSeparator: string, between: string): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${dateSeparator}${pad(d.getUTCMonth() + 1)}${dateSeparator}${pad(d.getUTCDate())}${between}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The nanoseconds within the second: the clock's milliseconds plus `extraNanos` (0–999999) below them. */
function nanosOf(ms: number, extraNanos: number): number {
  return (((ms % 1000) + 1000) % 1000) * 1_000_000 + extraNanos;
}

/** `time.Time.String()` in UTC: `2026-01-05 09:00:03 +0000 UTC`, with a fraction only when there is one. */
export function goTimeString(ms: number, extraNanos = 0): string {
  const nanos = nanosOf(ms, extraNanos);
  const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  return `${dateAndClock(ms, '-', ' ')}${fraction} +0000 UTC`;
}

/** `time.RFC3339Nano` in UTC, trailing zeros of the fraction dropped: `2026-01-05T09:00:03.25Z`. */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const nanos = nanosOf(ms, extraNanos);
  const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  return `${dateAndClock(ms, '-', 'T')}${fraction}Z`;
}

/** jsonmessage's `RFC3339NanoFixed`: always nine digits, as `docker logs -t` prints timestamps. */
export function rfc3339NanoFixed(ms: number, extraNanos = 0): string {
  return `${dateAndClock(ms, '-', 'T')}.${pad(nanosOf(ms, extraNanos), 9)}Z`;
}

/**
 * Stable sub-millisecond digits for a timestamp (0–999999 ns), so times look like a real daemon's
 * (`.482913775Z`) while the virtual clock counts milliseconds. FNV-1a over `seed`.
 */
export function subMillisecondNanos(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 1_000_000;
}
