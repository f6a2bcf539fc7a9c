// go-units durations, sizes and parsers, and moby's container status line.
// Sources: docker/go-units duration.go + duration_test.go, size.go + size_test.go (v0.5 parser),
// moby/moby container/state.go `State.String()`, container/health.go `Health.String()`.
// Parser error texts were recorded from the real docker 28.2.2 client (`docker run --memory X`).

import { describe, expect, it } from 'vitest';
import { formatG } from '../../src/engine/format/go-number.ts';
import {
  bytesSize,
  containerStatusText,
  fromHumanSize,
  humanDuration,
  humanSize,
  humanSize4,
  ramInBytes,
  timeAgo,
} from '../../src/engine/format/units.ts';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;
const month = 30 * day;
const year = 365 * day;

describe('humanDuration', () => {
  it.each([
    [450, 'Less than a second'],
    [1 * second, '1 second'],
    [45 * second, '45 seconds'],
    [59 * second, '59 seconds'],
    [60 * second, 'About a minute'],
    [119 * second, 'About a minute'],
    [3 * minute, '3 minutes'],
    [35 * minute + 40 * second, '35 minutes'],
    [59 * minute, '59 minutes'],
    [1 * hour, 'About an hour'],
    [1 * hour + 29 * minute, 'About an hour'],
    [1 * hour + 31 * minute, '2 hours'],
    [3 * hour + 29 * minute, '3 hours'],
    [3 * hour + 31 * minute, '4 hours'],
    [24 * hour, '24 hours'],
    [day + 12 * hour, '36 hours'],
    [2 * day, '2 days'],
    [13 * day + 5 * hour, '13 days'],
    [2 * week, '2 weeks'],
    [2 * week + 4 * day, '2 weeks'],
    [month, '4 weeks'],
    [month + 2 * week, '6 weeks'],
    [2 * month, '2 months'],
    [5 * month + 2 * week, '5 months'],
    [24 * month, '24 months'],
    [24 * month + 2 * week, '2 years'],
    [3 * year + 2 * month, '3 years'],
  ])('%d ms reads %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('treats negative durations as less than a second', () => {
    expect(humanDuration(-5000)).toBe('Less than a second');
  });

  it('appends "ago" for the CREATED columns', () => {
    expect(timeAgo(1_000_000, 1_000_000 + 90 * second)).toBe('About a minute ago');
  });
});

describe('humanSize (3 significant digits, decimal)', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [13_256, '13.3kB'],
    [8_309_000, '8.31MB'],
    [192_004_000, '192MB'],
    [1_100_000_000, '1.1GB'],
    [78_100_000, '78.1MB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });

  it('switches to exponent form where Go does (999.6 rounds to 1e+03)', () => {
    expect(humanSize(999_600)).toBe('1e+03kB');
  });

  it('rounds exact ties to even as Go strconv does', () => {
    expect(humanSize(1125)).toBe('1.12kB');
    expect(humanSize(1135)).toBe('1.14kB');
  });
});

describe('humanSize4 and bytesSize', () => {
  it.each([
    [1000, '1kB'],
    [1024, '1.024kB'],
    [1_048_576, '1.049MB'],
    [3.42e9, '3.42GB'],
  ])('HumanSize(%d) is %s', (bytes, text) => {
    expect(humanSize4(bytes)).toBe(text);
  });

  it.each([
    [1024, '1KiB'],
    [1024 * 1024, '1MiB'],
    [3.42 * 2 ** 30, '3.42GiB'],
    [5.372 * 2 ** 40, '5.372TiB'],
    [2.22 * 2 ** 50, '2.22PiB'],
    [500, '500B'],
  ])('BytesSize(%d) is %s', (bytes, text) => {
    expect(bytesSize(bytes)).toBe(text);
  });
});

describe('formatG', () => {
  it('uses two exponent digits and trims zeros like Go', () => {
    expect(formatG(1e-5, 3)).toBe('1e-05');
    expect(formatG(0.0001234, 3)).toBe('0.000123');
    expect(formatG(100, 3)).toBe('100');
    expect(formatG(1234.5, 3)).toBe('1.23e+03');
  });
});

describe('fromHumanSize and ramInBytes', () => {
  it.each([
    ['32', 32],
    ['32b', 32],
    ['32k', 32_000],
    ['32Kb', 32_000],
    ['32.5 kB', 32_500],
    ['32.5 B', 32],
    ['0.3 K', 300],
    ['32Mb', 32e6],
    ['32Pb', 32e15],
  ])('fromHumanSize(%j) is %d', (text, value) => {
    expect(fromHumanSize(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['32k', 32 * 1024],
    ['32KIB', 32 * 1024],
    ['32Kib', 32 * 1024],
    ['32.3', 32],
    ['32.3 mb', Math.trunc(32.3 * 2 ** 20)],
    ['0.3MB', Math.trunc(0.3 * 2 ** 20)],
    ['32P', 32 * 2 ** 50],
    ['5 ', 5],
    ['.5k', 512],
  ])('ramInBytes(%j) is %d', (text, value) => {
    expect(ramInBytes(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', "invalid size: ''"],
    ['abc', "invalid size: 'abc'"],
    ['-5', "invalid size: '-5'"],
    ['12x', "invalid suffix: 'x'"],
    ['32bm', "invalid suffix: 'bm'"],
    ['5ib', "invalid suffix: 'ib'"],
    ['10kbb', "invalid suffix: 'kbb'"],
    ['1.2.3', 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
    [' 32 ', 'strconv.ParseFloat: parsing " 32": invalid syntax'],
    ['3 2', 'strconv.ParseFloat: parsing "3 2": invalid syntax'],
    ['0x10', 'strconv.ParseFloat: parsing "0x10": invalid syntax'],
  ])('ramInBytes(%j) fails with %s', (text, error) => {
    expect(ramInBytes(text)).toEqual({ ok: false, error });
  });
});

describe('containerStatusText', () => {
  const startedAt = 1_750_000_000_000;
  const base = { startedAt, finishedAt: 0, exitCode: 0 };

  it('shows how long a running container has been up', () => {
    expect(containerStatusText({ ...base, status: 'running' }, startedAt + 3 * second)).toBe('Up 3 seconds');
  });

  it('marks paused and health states', () => {
    const now = startedAt + 2 * hour;
    expect(containerStatusText({ ...base, status: 'paused' }, now)).toBe('Up 2 hours (Paused)');
    expect(containerStatusText({ ...base, status: 'running' }, now, 'healthy')).toBe('Up 2 hours (healthy)');
    expect(containerStatusText({ ...base, status: 'running' }, now, 'starting')).toBe('Up 2 hours (health: starting)');
  });

  it('tells exit code and time since exit', () => {
    const finishedAt = startedAt + minute;
    const record = { status: 'exited' as const, startedAt, finishedAt, exitCode: 0 };
    expect(containerStatusText(record, finishedAt + 2 * minute)).toBe('Exited (0) 2 minutes ago');
    expect(containerStatusText({ ...record, exitCode: 137 }, finishedAt + 90 * second)).toBe(
      'Exited (137) About a minute ago',
    );
  });

  it('words restarting, created, dead and removing containers', () => {
    const finishedAt = startedAt + minute;
    expect(containerStatusText({ status: 'restarting', startedAt, finishedAt, exitCode: 1 }, finishedAt + 5 * second)).toBe(
      'Restarting (1) 5 seconds ago',
    );
    expect(containerStatusText({ status: 'created', startedAt: 0, finishedAt: 0, exitCode: 0 }, startedAt)).toBe('Created');
    expect(containerStatusText({ ...base, status: 'dead' }, startedAt)).toBe('Dead');
    expect(containerStatusText({ ...base, status: 'removing' }, startedAt)).toBe('Removal In Progress');
  });
});
