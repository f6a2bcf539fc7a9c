// Pull progress as `docker pull` draws it.
// Sources: moby/moby pkg/jsonmessage/jsonmessage.go (`DisplayJSONMessagesStream`, `JSONMessage.Display`,
// `JSONProgress.String()`), morikuni/aec aec.go (`Up`/`Down` print nothing for 0, `EraseLine(All)` is ESC[2K),
// moby/moby distribution/xfer/download.go (`Pulling fs layer`, `Waiting`, `Verifying Checksum`,
// `Download complete`, `Extracting`, `Pull complete`, `Already exists`; 3 concurrent downloads by default).

import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import {
  JsonMessageDisplay,
  progressString,
  pullFooter,
  pullHeader,
  pullProgress,
  type PullLayer,
} from '../../src/engine/format/pull-progress.ts';
import { lookupImage } from '../../src/engine/registry/hub.ts';

function nginxLayers(): PullLayer[] {
  const found = lookupImage('nginx');
  if (!found.ok) throw new Error(found.message);
  return found.image.layers;
}

async function screen(text: string, columns: number, rows = 30): Promise<string[]> {
  const terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(text.replaceAll('\n', '\r\n'), resolve));
  const lines: string[] = [];
  const buffer = terminal.buffer.active;
  for (let index = 0; index < buffer.length; index++) lines.push(buffer.getLine(index)?.translateToString(true) ?? '');
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  terminal.dispose();
  return lines;
}

describe('progressString', () => {
  it('draws a 50-step bar and 4-digit sizes on wide terminals', () => {
    expect(progressString({ current: 6_291_000, total: 29_130_000 }, 120)).toBe(
      '[==========>                                        ]  6.291MB/29.13MB',
    );
    expect(progressString({ current: 628, total: 628 }, 120)).toBe(
      '[==================================================>]     628B/628B',
    );
  });

  it('drops the bar at 110 columns or fewer', () => {
    expect(progressString({ current: 6_291_000, total: 29_130_000 }, 110)).toBe(' 6.291MB/29.13MB');
  });

  it('is empty for a plain status and shows only current when the total is unknown or exceeded', () => {
    expect(progressString({ current: 0, total: 0 }, 120)).toBe('');
    expect(progressString({ current: 1_500_000, total: 0 }, 120)).toBe('   1.5MB');
    expect(progressString({ current: 2_000, total: 1_000 }, 80)).toBe('     2kB');
  });
});

describe('JsonMessageDisplay', () => {
  it('gives a new id a line and redraws it in place with the exact escapes', () => {
    const display = new JsonMessageDisplay({ tty: true, columns: 80 });
    expect(display.progress('aaaaaaaaaaaa', 'Pulling fs layer')).toBe(
      '\n\x1b[1A\x1b[2K\raaaaaaaaaaaa: Pulling fs layer \r\x1b[1B',
    );
    display.progress('bbbbbbbbbbbb', 'Pulling fs layer');
    expect(display.progress('aaaaaaaaaaaa', 'Pull complete')).toBe('\x1b[2A\x1b[2K\raaaaaaaaaaaa: Pull complete \r\x1b[2B');
  });

  it('prints plain lines when piped and drops progress bars', () => {
    const display = new JsonMessageDisplay({ tty: false, columns: 80 });
    expect(display.progress('aaaaaaaaaaaa', 'Pull complete')).toBe('aaaaaaaaaaaa: Pull complete\n');
    expect(display.progress('aaaaaaaaaaaa', 'Downloading', { current: 5, total: 10 })).toBe('');
    expect(display.status('Pulling from library/nginx', 'latest')).toBe('latest: Pulling from library/nginx\n');
  });
});

describe('pullProgress', () => {
  // A terminal keeps the space written after each status (the empty progress string follows it),
  // which is why the lines read `Pull complete ` there and `Pull complete` when piped.
  it('leaves every layer at Pull complete on a terminal', async () => {
    const layers = nginxLayers();
    const found = lookupImage('nginx');
    if (!found.ok) throw new Error(found.message);
    const pieces = pullProgress(layers, { tty: true, columns: 120 });
    const text =
      pullHeader('latest', 'library/nginx') +
      pieces.map((piece) => piece.text).join('') +
      pullFooter(found.image.digest, 'nginx:latest', false);
    expect(await screen(text, 120)).toEqual([
      'latest: Pulling from library/nginx',
      ...layers.map((layer) => `${layer.id}: Pull complete `),
      `Digest: ${found.image.digest}`,
      'Status: Downloaded newer image for nginx:latest',
    ]);
  });

  it('redraws correctly when the terminal scrolls during the pull', async () => {
    const layers = nginxLayers();
    const earlier = Array.from({ length: 20 }, (_, index) => `line ${index}\n`).join('');
    const pieces = pullProgress(layers, { tty: true, columns: 80 });
    const lines = await screen(earlier + pullHeader('latest', 'library/nginx') + pieces.map((piece) => piece.text).join(''), 80, 12);
    expect(lines.slice(-8)).toEqual(['latest: Pulling from library/nginx', ...layers.map((layer) => `${layer.id}: Pull complete `)]);
  });

  it('shows intermediate download bars on the way', async () => {
    const layers = nginxLayers();
    const pieces = pullProgress(layers, { tty: true, columns: 120 });
    const midway = pieces.slice(0, 6).map((piece) => piece.text).join('');
    const lines = await screen(midway, 120);
    expect(lines.some((line) => /^[0-9a-f]{12}: Downloading \[=*>\s*\]\s+\S+\/\S+$/.test(line))).toBe(true);
    expect(lines.some((line) => line.endsWith(': Waiting ') || line.endsWith(': Download complete '))).toBe(true);
  });

  it('prints the piped sequence without bars, three downloads at once', () => {
    const layers = nginxLayers();
    const text = pullProgress(layers, { tty: false, columns: 80 }).map((piece) => piece.text).join('');
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(layers.map((layer) => `${layer.id}: Pulling fs layer`));
    expect(lines.slice(7, 11)).toEqual(layers.slice(3).map((layer) => `${layer.id}: Waiting`));
    expect(text).not.toContain('Downloading');
    expect(text).not.toContain('Extracting');
    for (const layer of layers) {
      const complete = lines.indexOf(`${layer.id}: Download complete`);
      expect(lines[complete - 1]).toBe(`${layer.id}: Verifying Checksum`);
      expect(lines.indexOf(`${layer.id}: Pull complete`)).toBeGreaterThan(complete);
    }
    const pullOrder = lines.filter((line) => line.endsWith('Pull complete')).map((line) => line.slice(0, 12));
    expect(pullOrder).toEqual(layers.map((layer) => layer.id));
  });

  it('marks layers already in the store', () => {
    const layers = nginxLayers().map((layer, index) => ({ ...layer, present: index === 0 }));
    const text = pullProgress(layers, { tty: false, columns: 80 }).map((piece) => piece.text).join('');
    expect(text.split('\n')[0]).toBe(`${layers[0].id}: Already exists`);
    expect(text).not.toContain(`${layers[0].id}: Pull complete`);
    expect(text.split('\n').filter((line) => line.endsWith('Waiting'))).toHaveLength(3);
  });

  it('takes a few virtual seconds for nginx, the same on a terminal and piped', () => {
    const total = (tty: boolean) => pullProgress(nginxLayers(), { tty, columns: 120 }).reduce((sum, piece) => sum + piece.delay, 0);
    expect(total(true)).toBeGreaterThan(2000);
    expect(total(true)).toBeLessThan(8000);
    expect(total(false)).toBe(total(true));
  });

  it('is deterministic', () => {
    expect(pullProgress(nginxLayers(), { tty: true, columns: 100 })).toEqual(pullProgress(nginxLayers(), { tty: true, columns: 100 }));
  });
});

describe('pullHeader and pullFooter', () => {
  it('word the lines around the layers', () => {
    expect(pullHeader('latest', 'library/nginx')).toBe('latest: Pulling from library/nginx\n');
    expect(pullFooter('sha256:abc', 'nginx:latest', true)).toBe('Digest: sha256:abc\nStatus: Image is up to date for nginx:latest\n');
  });
});
