// Compose's progress output, checked on a rendered terminal screen.
// Sources: docker/compose pkg/progress/tty.go (v2.2x–v2.36: `[+] %s %d/%d`, statusPadding over all events
// minus 2 per child, `maxStatusLen := terminalWidth - textLen - statusPadding - 15`, timer `%.1fs ` aligned
// to the terminal width, redraw every 100 ms), pkg/progress/plain.go (`fmt.Fprintln(out, prefix, e.ID,
// e.Text, e.StatusText)`), pkg/progress/event.go (Creating/Created/Starting/Started…), spinner.go (frames).

import { describe, expect, it } from 'vitest';
import { plainLine, renderProgress, type EventStatus, type TimedEvent } from '../../src/engine/compose/progress.ts';
import { renderScreen } from '../../src/headless/screen.ts';

const event = (at: number, id: string, status: EventStatus, statusText: string): TimedEvent => ({ at, event: { id, status, statusText } });

/** What `docker compose up -d` reports for the course project on a fresh machine (images present). */
const upTimeline: TimedEvent[] = [
  event(0, 'Network docker_default', 'working', 'Creating'),
  event(100, 'Network docker_default', 'done', 'Created'),
  event(100, 'Volume "docker_postgres_data"', 'working', 'Creating'),
  event(100, 'Volume "docker_postgres_data"', 'done', 'Created'),
  event(100, 'Container docker-db-1', 'working', 'Creating'),
  event(200, 'Container docker-db-1', 'done', 'Created'),
  event(200, 'Container docker-web-1', 'working', 'Creating'),
  event(300, 'Container docker-web-1', 'done', 'Created'),
  event(300, 'Container docker-db-1', 'working', 'Starting'),
  event(600, 'Container docker-db-1', 'done', 'Started'),
  event(600, 'Container docker-web-1', 'working', 'Starting'),
  event(900, 'Container docker-web-1', 'done', 'Started'),
];

const PROMPT = 'learner@dockyard:~/project/docker$ docker compose up -d\n';

async function screenAfter(timeline: TimedEvent[], end: number, columns: number, count?: number): Promise<string> {
  const pieces = renderProgress(timeline, end, { mode: 'tty', columns, rows: 24, title: 'Running' });
  return renderScreen(PROMPT + pieces.slice(0, count).map((piece) => piece.text).join(''), columns);
}

describe('the terminal display', () => {
  it('ends on the final frame, timers (with compose’s trailing space) at the right edge of a 100-column terminal', async () => {
    expect(await screenAfter(upTimeline, 900, 100)).toBe(
      PROMPT +
        '[+] Running 4/4\n' +
        ' ✔ Network docker_default         Created                                                      0.1s \n' +
        ' ✔ Volume "docker_postgres_data"  Created                                                      0.0s \n' +
        ' ✔ Container docker-db-1          Started                                                      0.5s \n' +
        ' ✔ Container docker-web-1         Started                                                      0.7s \n',
    );
  });

  it('cuts a status that does not fit, as compose does on an 80-column terminal', async () => {
    const screen = await screenAfter(upTimeline, 900, 80);
    expect(screen).toContain(' ✔ Volume "docker_postgres_data"  Creat...                                 0.0s \n');
  });

  it('redraws in place while working, with a spinner and a running count', async () => {
    const screen = await screenAfter(upTimeline, 900, 100, 4);
    expect(screen).toBe(
      PROMPT +
        '[+] Running 3/4\n' +
        ' ✔ Network docker_default         Created                                                      0.1s \n' +
        ' ✔ Volume "docker_postgres_data"  Created                                                      0.0s \n' +
        ' ⠹ Container docker-db-1          Starting                                                     0.3s \n' +
        ' ✔ Container docker-web-1         Created                                                      0.1s \n',
    );
  });

  it('draws one frame per 100 ms tick and a final one', () => {
    const pieces = renderProgress(upTimeline, 900, { mode: 'tty', columns: 80, rows: 24, title: 'Running' });
    expect(pieces.map((piece) => piece.delay)).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100]);
  });

  it('indents child events under their parent and aggregates their progress while working', async () => {
    const timeline: TimedEvent[] = [
      { at: 0, event: { id: 'db', text: 'Pulling', status: 'working', statusText: '' } },
      { at: 0, event: { id: 'a1b2c3d4e5f6', parentId: 'db', text: 'Downloading', status: 'working', statusText: '', current: 5_000_000, total: 10_000_000, percent: 50 } },
      { at: 0, event: { id: '0f9e8d7c6b5a', parentId: 'db', text: 'Pull complete', status: 'done', statusText: '', percent: 100 } },
    ];
    const pieces = renderProgress(timeline, 250, { mode: 'tty', columns: 80, rows: 24, title: 'Running' });
    const screen = await renderScreen(`$\n${pieces[0].text}`, 80);
    expect(screen.split('\n').slice(1, 5)).toEqual([
      // The first frame counts lines drawn so far, none yet: compose really shows `1/0` for 100 ms.
      '[+] Running 1/0',
      ' ⠋ db [⣤⣿]     5MB / 10MB    Pulling                                       0.1s ',
      '   ⠋ a1b2c3d4e5f6 Downloading                                              0.1s ',
      '   ✔ 0f9e8d7c6b5a Pull complete                                            0.0s ',
    ]);
  });
});

describe('plain progress', () => {
  it('prints each event as Println prints its fields', () => {
    const text = renderProgress(upTimeline.slice(0, 2), 100, { mode: 'plain', columns: 80, rows: 24, title: 'Running' })
      .map((piece) => piece.text)
      .join('');
    expect(text).toBe(' Network docker_default  Creating\n Network docker_default  Created\n');
  });

  it('keeps the empty status field, so a pull line ends in a space', () => {
    expect(plainLine({ id: 'db', text: 'Pulling', status: 'working', statusText: '' })).toBe(' db Pulling \n');
  });

  it('prefixes dry runs', () => {
    expect(plainLine({ id: 'Container app-web-1', status: 'done', statusText: 'Created' }, true)).toBe(' DRY-RUN MODE -  Container app-web-1  Created\n');
  });
});
