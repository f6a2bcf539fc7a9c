// Replays every golden transcript under tests/golden/ in a fresh machine and compares it to the character.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMachine, isScenarioName, streamText } from '../src/engine/index.ts';
import { renderScreen } from '../src/headless/screen.ts';
import { runToEnd } from '../src/headless/run-to-end.ts';
import { formatTranscript, headerSetting, parseTranscript, type TranscriptEntry } from './support/transcript.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
// Set UPDATE_GOLDEN=1 to rewrite transcripts from the simulator; review every diff before committing it.
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function transcriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return transcriptFiles(path);
    return entry.name.endsWith('.txt') ? [path] : [];
  });
}

for (const file of transcriptFiles(GOLDEN_DIR)) {
  describe(relative(GOLDEN_DIR, file), () => {
    test('replays to the character', async () => {
      const transcript = parseTranscript(readFileSync(file, 'utf8'));
      const seed = Number(headerSetting(transcript, 'seed') ?? 1);
      const ttyColumns = headerSetting(transcript, 'tty');
      const scenario = headerSetting(transcript, 'scenario');
      if (scenario !== undefined && !isScenarioName(scenario)) throw new Error(`unknown scenario ${scenario}`);
      const machine = createMachine({ seed, scenario });
      const actual: TranscriptEntry[] = [];
      for (const entry of transcript.entries) {
        const options = ttyColumns ? { tty: true, columns: Number(ttyColumns) } : { tty: false };
        const result = runToEnd(machine, entry.command, options);
        const screen = ttyColumns ? await renderScreen(result.chunks.map((chunk) => chunk.text).join(''), Number(ttyColumns)) : undefined;
        actual.push({
          command: entry.command,
          stdout: screen ?? streamText(result, 'stdout'),
          stderr: screen === undefined ? streamText(result, 'stderr') : '',
          exitCode: result.exitCode,
        });
      }
      if (UPDATE) {
        writeFileSync(file, formatTranscript({ header: transcript.header, entries: actual }));
        return;
      }
      expect(formatTranscript({ header: transcript.header, entries: actual })).toBe(formatTranscript(transcript));
    });
  });
}
