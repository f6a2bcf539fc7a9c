// Go's value formats in history rows: time.Duration's String() and %q of a HEALTHCHECK's retries.

import { describe, expect, it } from 'vitest';
import { goDurationString, healthcheckHistory } from '../../src/engine/builder/history-text.ts';

describe('goDurationString', () => {
  it('prints durations as time.Duration.String() does', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [999, '999ns'],
      [1_500, '1.5µs'],
      [500_000_000, '500ms'],
      [1_500_000_000, '1.5s'],
      [30e9, '30s'],
      [90e9, '1m30s'],
      [3600e9, '1h0m0s'],
      [3725e9, '1h2m5s'],
    ];
    for (const [ns, text] of cases) expect(goDurationString(ns)).toBe(text);
  });
});

describe('healthcheckHistory', () => {
  it('prints HEALTHCHECK NONE with zero durations and retries as a rune literal', () => {
    expect(healthcheckHistory({ test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 })).toBe(`HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" '\\x00'}`);
  });
});
