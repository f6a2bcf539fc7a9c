// docker logs --since/--until values as docker/cli's GetTimestamp reads them, Go's time.Parse errors included.
// Expected texts and times were recorded from the real docker 28.2.2 client (`docker logs --since VALUE` against a
// test daemon on a UTC machine: the error it prints, or the `since=` it sends).

import { describe, expect, it } from 'vitest';
import { parseLogTime } from '../../src/engine/commands/container/logs.ts';
import { parseGoTime } from '../../src/engine/format/go-time-parse.ts';

const NOW = Date.UTC(2026, 0, 5, 9);

describe('parseLogTime reads a value in the layout its shape picks', () => {
  it.each([
    ['2024-01-01T10', 1704103200],
    ['2024-01-01T10:30', 1704105000],
    ['2024-01-01T10:30:15.5', 1704105015.5],
    ['2024-01-01T10:30:15,5', 1704105015.5],
    ['2024-01-01T10:30:15+02:00', 1704097815],
    ['2024-01-01T10+02:00', 1704096000],
    ['2024-01-01T10:30:15-05:00', 1704123015],
    ['2024-01-01Z', 1704067200],
    ['2024-01-01+01:00', 1704063600],
    ['1700000000.5', 1700000000.5],
  ])('%s', (value, seconds) => {
    expect(parseLogTime(value, NOW)).toEqual({ ok: true, ms: seconds * 1000 });
  });

  it('takes a Go duration back from now, in whole seconds', () => {
    expect(parseLogTime('90s', NOW + 400)).toEqual({ ok: true, ms: NOW - 90_000 });
  });
});

describe('parseLogTime answers with the error the client prints', () => {
  it.each([
    ['2026-99-99', 'parsing time "2026-99-99": month out of range'],
    ['2024-01-01 10:00', 'parsing time "2024-01-01 10:00": extra text: " 10:00"'],
    ['2024-1-5', 'parsing time "2024-1-5" as "2006-01-02": cannot parse "1-5" as "01"'],
    ['2024-01-5', 'parsing time "2024-01-5" as "2006-01-02": cannot parse "5" as "02"'],
    ['2024-02-30', 'parsing time "2024-02-30": day out of range'],
    ['2024-01-01T25:00', 'parsing time "2024-01-01T25:00": hour out of range'],
    ['2024-01-01t10:00', 'parsing time "2024-01-01t10:00": extra text: "t10:00"'],
    ['2024-01-01T10:30:15+2:00', 'parsing time "2024-01-01T10:30:15+2:00" as "2006-01-02T15:04:05Z07:00": cannot parse "+2:00" as "Z07:00"'],
    ['-2024-01-01', 'parsing time "-2024-01-01" as "2006-01-02Z07:00": cannot parse "-2024-01-01" as "2006"'],
    ['2024--01-01', 'parsing time "2024--01-01" as "2006-01-02Z07:00": cannot parse "-01-01" as "01"'],
    ['10:00', 'failed to parse value as time or duration: "10:00"'],
    ['2024/01/01', 'failed to parse value as time or duration: "2024/01/01"'],
  ])('%s', (value, message) => {
    expect(parseLogTime(value, NOW)).toEqual({ ok: false, message });
  });
});

describe('parseGoTime', () => {
  it('keeps the nanoseconds below the millisecond apart', () => {
    expect(parseGoTime('2006-01-02T15:04:05.999999999Z07:00', '2024-01-01T10:30:15.123456789Z')).toEqual({
      ok: true,
      ms: 1704105015123,
      nanos: 456789,
    });
  });

  it('reads years below 100 as themselves', () => {
    expect(parseGoTime('2006-01-02', '0099-03-01')).toEqual({ ok: true, ms: Date.parse('0099-03-01T00:00:00Z'), nanos: 0 });
  });
});
