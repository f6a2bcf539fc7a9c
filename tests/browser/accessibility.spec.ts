// axe checks of every kind of page, in light and dark colour schemes, and with the live terminal on screen.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readLesson } from './lesson-data.ts';

const lesson = readLesson('en/01-images-and-containers.mdx');
const composeLesson = readLesson('en/02-compose.mdx');
const pages = [
  '/',
  `/lessons/${lesson.slug}/`,
  `/lessons/${composeLesson.slug}/`,
  '/ko/',
  `/ko/lessons/${lesson.slug}/`,
  `/ko/lessons/${composeLesson.slug}/`,
  '/404.html',
];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`${path} has no axe violations (${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(path);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }
}

test('the lesson has no axe violations once the terminal and quiz are in use', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/lessons/${lesson.slug}/`);
  const terminal = page.locator('docker-terminal').first();
  await terminal.scrollIntoViewIfNeeded();
  await expect(terminal).toHaveAttribute('data-state', 'ready');
  const [first] = lesson.quiz;
  await page.locator(`[data-question="${first.id}"]`).getByRole('button', { name: first.choices[0] }).click();
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test('every page declares its language and offers a skip link to the main content', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [path, lang] of [['/', 'en'], ['/ko/', 'ko'], [`/lessons/${lesson.slug}/`, 'en'], [`/ko/lessons/${lesson.slug}/`, 'ko']] as const) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  }
  await context.close();
});
