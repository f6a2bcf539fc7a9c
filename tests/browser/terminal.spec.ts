// The lesson terminal: loads only when seen, runs commands through the engine, and behaves like a shell line.
import { expect, test, type Page } from '@playwright/test';
import { lessonUrl, run, startTerminal, transcript } from './terminal-page.ts';

async function openLesson(page: Page) {
  const sessionRequests: string[] = [];
  page.on('request', (request) => {
    if (/terminal-session/.test(request.url())) sessionRequests.push(request.url());
  });
  await page.goto(lessonUrl);
  return sessionRequests;
}

test.describe('lesson terminal', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('shows the suggested commands before any script runs', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(lessonUrl);
    const terminal = page.locator('docker-terminal').first();
    await expect(terminal.getByRole('button', { name: 'docker run hello-world' })).toBeVisible();
    await expect(terminal.getByRole('button', { name: 'docker ps -a' })).toBeVisible();
    await expect(terminal.locator('.terminal-placeholder')).toContainText('learner@dockyard:~$');
    await context.close();
  });

  test('loads xterm and the engine only when the terminal scrolls into view', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
    const page = await context.newPage();
    const sessionRequests = await openLesson(page);
    await page.waitForLoadState('networkidle');
    expect(sessionRequests).toEqual([]);
    await expect(page.locator('docker-terminal').first()).not.toHaveAttribute('data-state', /.+/);
    await startTerminal(page);
    expect(sessionRequests.length).toBe(1);
    await context.close();
  });

  test('keeps the same height when the live terminal replaces the placeholder', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    const frame = page.locator('docker-terminal .terminal-frame').first();
    const before = await frame.boundingBox();
    await startTerminal(page);
    const after = await frame.boundingBox();
    expect(after?.height).toBe(before?.height);
    await context.close();
  });

  test('runs hello-world, then lists its exited container and the pulled image', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    const terminal = await startTerminal(page);

    await run(page, 'docker run hello-world');
    // The whole message is taller than the screen: its first lines are read from xterm's buffer,
    // its last line from the rows the DOM renderer put in the page.
    await expect.poll(() => transcript(page), { timeout: 30_000 }).toContain('Hello from Docker!');
    await expect(terminal.locator('.xterm-rows')).toContainText('https://docs.docker.com/get-started/');
    const output = await transcript(page);
    expect(output.indexOf("Unable to find image 'hello-world:latest' locally")).toBeGreaterThan(-1);
    expect(output.indexOf('Pull complete')).toBeGreaterThan(output.indexOf('Unable to find image'));
    expect(output.indexOf('Hello from Docker!')).toBeGreaterThan(output.indexOf('Status: Downloaded newer image'));

    await run(page, 'docker ps -a');
    await expect.poll(() => transcript(page)).toMatch(/hello-world\s+"\/hello"\s+.*Exited \(0\)/);

    await run(page, 'docker images');
    await expect.poll(() => transcript(page)).toMatch(/^hello-world\s+latest\s+/m);
    await context.close();
  });

  test('types a suggested command in when its button is clicked', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    const terminal = await startTerminal(page);
    await terminal.getByRole('button', { name: 'docker run hello-world' }).click();
    await expect.poll(() => transcript(page)).toMatch(/\$ docker run hello-world$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => transcript(page), { timeout: 30_000 }).toContain('Hello from Docker!');
    await context.close();
  });

  test('edits the line with arrows and Backspace, recalls history, and clears with Ctrl+L', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    await startTerminal(page);

    await page.keyboard.type('docker ps -x');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('a');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('s');
    await expect.poll(() => transcript(page)).toMatch(/\$ docker ps -a$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => transcript(page)).toContain('CONTAINER ID');

    await page.keyboard.press('Control+l');
    await expect.poll(() => transcript(page)).not.toContain('CONTAINER ID');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => transcript(page)).toMatch(/\$ docker ps -a$/);
    await context.close();
  });

  test('holds keys typed while output plays and runs them afterwards, in order', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    await startTerminal(page);
    await run(page, 'docker run hello-world');
    await run(page, 'docker images');
    await expect.poll(() => transcript(page), { timeout: 30_000 }).toMatch(/^hello-world\s+latest\s+/m);
    const output = await transcript(page);
    expect(output.indexOf('$ docker images')).toBeGreaterThan(output.indexOf('https://docs.docker.com/get-started/'));
    await context.close();
  });

  test('stops a command that keeps running with Ctrl+C', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    await startTerminal(page);
    await run(page, 'docker run nginx');
    await expect.poll(() => transcript(page), { timeout: 30_000 }).toContain('start worker process');
    await page.keyboard.press('Control+c');
    await expect.poll(() => transcript(page)).toContain('signal 2 (SIGINT) received, exiting');
    await expect.poll(() => transcript(page)).toMatch(/\$ $|\$$/);
    await run(page, 'docker ps -a');
    await expect.poll(() => transcript(page)).toMatch(/nginx\s+"\/docker-entrypoint\.…"\s+.*Exited \(0\)/);
    await context.close();
  });

  test('lets Tab move focus out of the terminal', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLesson(page);
    await startTerminal(page);
    await page.keyboard.press('Tab');
    await expect(page.locator('docker-terminal button[data-command]').first()).toBeFocused();
    await context.close();
  });
});
