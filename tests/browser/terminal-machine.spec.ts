// The lesson terminal with what the engine asks of it: questions, container shells, Ctrl+D, following commands, width.
import { expect, test } from '@playwright/test';
import { after, HOST_PROMPT, lastLine, lessonUrl, run, startTerminal, transcript, waitForPrompt, withScenario } from './terminal-page.ts';

const QUESTION = 'Are you sure you want to continue? [y/N]';
const HEX_ID = /^[0-9a-f]{12}$/;

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('questions', () => {
  test('takes y as yes, and an empty Enter as the default No', async ({ page }) => {
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'docker create --name box alpine');
    await waitForPrompt(page);

    await run(page, 'docker container prune');
    await expect.poll(() => lastLine(page)).toBe(QUESTION);
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
    await run(page, "docker ps -a --format '{{.Names}}'");
    await waitForPrompt(page);
    expect(await after(page, "--format '{{.Names}}'")).toBe(`\nbox\n${HOST_PROMPT}`);

    await run(page, 'docker container prune');
    await expect.poll(() => lastLine(page)).toBe(QUESTION);
    await run(page, 'y');
    await waitForPrompt(page);
    const answered = await after(page, `${QUESTION} y`);
    expect(answered).toMatch(/^\nDeleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n/);
    await run(page, "docker ps -a --format '{{.Names}}'");
    await waitForPrompt(page);
    expect(await after(page, "--format '{{.Names}}'")).toBe(`\n${HOST_PROMPT}`);
  });

  test('cancels a question with Ctrl+C and keeps what it would have removed', async ({ page }) => {
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'docker volume create data');
    await waitForPrompt(page);
    await run(page, 'docker volume prune -a');
    await expect.poll(() => lastLine(page)).toBe(QUESTION);
    await page.keyboard.type('ye');
    await page.keyboard.press('Control+c');
    await waitForPrompt(page);
    expect(await after(page, 'docker volume prune -a')).toContain(`${QUESTION} ye^C\n${HOST_PROMPT}`);
    await run(page, 'docker volume ls -q');
    await waitForPrompt(page);
    expect(await after(page, 'docker volume ls -q')).toBe(`\ndata\n${HOST_PROMPT}`);
  });
});

test.describe('containers', () => {
  test('serves nginx on a published port to curl on the host', async ({ page }) => {
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'docker run -d -p 8888:80 nginx');
    await waitForPrompt(page);
    await run(page, 'curl localhost:8888');
    await waitForPrompt(page);
    expect(await after(page, 'curl localhost:8888')).toContain('<h1>Welcome to nginx!</h1>');
  });

  test('enters a shell with docker run -it, runs lines in the container, and leaves it with exit', async ({ page }) => {
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'docker run -it alpine sh');
    await waitForPrompt(page, '/ #');
    await run(page, 'hostname');
    await waitForPrompt(page, '/ #');
    const id = (await after(page, '/ # hostname')).split('\n')[1];
    expect(id).toMatch(HEX_ID);
    await run(page, 'exit');
    await waitForPrompt(page);
    await run(page, 'docker ps -a');
    await waitForPrompt(page);
    expect(await after(page, '$ docker ps -a')).toMatch(new RegExp(`^${id}\\s+alpine\\s+"sh"\\s+.*Exited \\(0\\)`, 'm'));
  });

  test('leaves a container shell with Ctrl+D on an empty line, where bash says exit', async ({ page }) => {
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'docker run -it ubuntu bash');
    await waitForPrompt(page, /^root@[0-9a-f]{12}:\/#$/);
    const prompt = await lastLine(page);
    const id = prompt.slice('root@'.length, 'root@'.length + 12);
    await run(page, 'hostname');
    await waitForPrompt(page, prompt);
    expect(await after(page, `${prompt} hostname`)).toBe(`\n${id}\n${prompt}`);

    // On a line with text Ctrl+D deletes forward; it ends the shell only on an empty line.
    await page.keyboard.type('xls');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+d');
    await expect.poll(() => lastLine(page)).toBe(`${prompt} ls`);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+u');
    await page.keyboard.press('Control+d');
    await waitForPrompt(page);
    expect(await after(page, `${prompt} hostname`)).toMatch(new RegExp(`\\n${prompt.replace(/[.$]/g, '\\$&')} exit\\n${HOST_PROMPT.replace('$', '\\$')}$`));

    // At the host's prompt Ctrl+D changes nothing.
    const before = await transcript(page);
    await page.keyboard.press('Control+d');
    await run(page, 'docker ps -a');
    await waitForPrompt(page);
    expect((await transcript(page)).startsWith(`${before} docker ps -a\n`)).toBe(true);
    expect(await after(page, '$ docker ps -a')).toMatch(new RegExp(`^${id}\\s+ubuntu\\s+"bash"\\s+.*Exited \\(0\\)`, 'm'));
  });
});

test.describe('following commands', () => {
  const projectPrompt = 'learner@dockyard:~/networkproject/docker$';

  test('stops an attached docker compose up with Ctrl+C once its output has played', async ({ page }) => {
    await withScenario(page, 'flask-postgres');
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'cd networkproject/docker');
    await waitForPrompt(page, projectPrompt);
    await run(page, 'docker compose up');
    // The notes' `.. :/app` mounts an empty folder over the code, so web exits and db keeps running.
    await expect.poll(() => transcript(page), { timeout: 30_000 }).toContain('web-1 exited with code 2');
    await page.keyboard.press('Control+c');
    await waitForPrompt(page, projectPrompt);
    expect(await after(page, 'web-1 exited with code 2')).toContain('^CGracefully stopping... (press Ctrl+C again to force)');
    await run(page, 'docker compose ps -a');
    await waitForPrompt(page, projectPrompt);
    expect(await after(page, '$ docker compose ps -a')).toMatch(/^docker-db-1\s+.*Exited \(0\)/m);
  });

  test('shows the rest of a long output at once on Ctrl+C during playback, and then stops the command', async ({ page }) => {
    await withScenario(page, 'flask-postgres');
    await page.goto(lessonUrl);
    await startTerminal(page);
    await run(page, 'cd networkproject/docker');
    await waitForPrompt(page, projectPrompt);
    await run(page, 'docker compose up --build');
    await page.keyboard.press('Control+c');
    await waitForPrompt(page, projectPrompt);
    const output = await after(page, '$ docker compose up --build');
    expect(output).toContain('Attaching to db-1, web-1');
    expect(output.indexOf('^CGracefully stopping...')).toBeGreaterThan(output.indexOf('web-1 exited with code 2'));
  });
});

test.describe('width', () => {
  test('wraps help to the width the terminal has after a resize', async ({ page }) => {
    await page.goto(lessonUrl);
    const terminal = await startTerminal(page);
    await run(page, 'docker container prune --help');
    await waitForPrompt(page);
    const wide = await after(page, '$ docker container prune --help');
    expect(wide).toContain('--filter filter   Provide filter values (e.g. "until=<timestamp>")\n');

    await page.setViewportSize({ width: 480, height: 800 });
    await expect.poll(async () => (await terminal.locator('.xterm-screen').boundingBox())?.width ?? 0).toBeLessThan(480);
    await terminal.locator('.xterm').click();
    await run(page, 'docker container prune --help');
    await waitForPrompt(page);
    const narrow = await after(page, '$ docker container prune --help');
    // Where the text breaks depends on the font's width; that it breaks, and narrower, does not.
    const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.trimEnd().length));
    expect(narrow).toMatch(/--filter filter {3}Provide filter/);
    expect(narrow).not.toContain('Provide filter values (e.g. "until=<timestamp>")');
    expect(widest(narrow)).toBeLessThan(widest(wide));
  });
});
