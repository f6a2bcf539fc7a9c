// Drives the lesson terminal from Playwright: open the lesson, wait for the live prompt, type lines, read the buffer.
import { expect, type Page } from '@playwright/test';
import { readLesson } from './lesson-data.ts';

export const lesson = readLesson('en/01-images-and-containers.mdx');
export const lessonUrl = `/lessons/${lesson.slug}/`;
export const HOST_PROMPT = 'learner@dockyard:~$';

/**
 * Serves the lesson with its first terminal starting from `scenario`, as a lesson that passes
 * `scenario` to <Terminal> would (no lesson does yet).
 */
export async function withScenario(page: Page, scenario: string): Promise<void> {
  await page.route(`**${lessonUrl}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<docker-terminal ', `<docker-terminal data-scenario="${scenario}" `);
    await route.fulfill({ response, body });
  });
}

export async function startTerminal(page: Page) {
  const terminal = page.locator('docker-terminal').first();
  await terminal.scrollIntoViewIfNeeded();
  await expect(terminal).toHaveAttribute('data-state', 'ready');
  await expect(terminal.locator('.xterm-rows')).toContainText('$');
  await terminal.locator('.xterm').click();
  return terminal;
}

/** Everything the terminal shows, wrapped rows joined, trailing blanks trimmed. */
export function transcript(page: Page): Promise<string> {
  return page
    .locator('docker-terminal')
    .first()
    .evaluate((element) => (element as HTMLElement & { transcript(): Promise<string> }).transcript());
}

export async function lastLine(page: Page): Promise<string> {
  const text = await transcript(page);
  return text.slice(text.lastIndexOf('\n') + 1);
}

/** What the terminal printed after the last occurrence of `marker` (a command line, usually). */
export async function after(page: Page, marker: string): Promise<string> {
  const text = await transcript(page);
  const at = text.lastIndexOf(marker);
  return at === -1 ? '' : text.slice(at + marker.length);
}

export async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Waits until the terminal shows `prompt` on its last line with nothing typed after it. */
export async function waitForPrompt(page: Page, prompt: string | RegExp = HOST_PROMPT, timeout = 30_000): Promise<void> {
  if (typeof prompt === 'string') await expect.poll(() => lastLine(page), { timeout }).toBe(prompt);
  else await expect.poll(() => lastLine(page), { timeout }).toMatch(prompt);
}
