// Compose's warnings on stderr, as logrus's TextFormatter prints them (docker/compose leaves logrus's default
// formatter in place): coloured `WARN[0000] <message padded to 44> ` on a terminal, key=value when piped.
// Real examples: `WARN[0000] /root/x/docker-compose.yml: the attribute `version` is obsolete, … confusion ` and
// `time="2025-04-03T10:30:00+05:30" level=warning msg="…: the attribute `version` is obsolete, …"`.

import { describe, expect, it } from 'vitest';
import { warningLine } from '../../src/engine/compose/log-line.ts';

const MESSAGE =
  '/home/learner/project/docker/docker-compose.yml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion';

describe('warningLine', () => {
  it('prints the coloured form with a trailing space on a terminal', () => {
    expect(warningLine(MESSAGE, { tty: true, clock: 0 })).toBe(`\x1b[33mWARN\x1b[0m[0000] ${MESSAGE} \n`);
  });

  it('pads short messages to 44 columns', () => {
    expect(warningLine('Using /a/compose.yaml', { tty: true, clock: 0 })).toBe(`\x1b[33mWARN\x1b[0m[0000] ${'Using /a/compose.yaml'.padEnd(44)} \n`);
  });

  it('prints key=value with a quoted message when piped', () => {
    expect(warningLine(MESSAGE, { tty: false, clock: Date.UTC(2026, 0, 5, 9, 0, 0) })).toBe(`time="2026-01-05T09:00:00Z" level=warning msg="${MESSAGE}"\n`);
  });
});
