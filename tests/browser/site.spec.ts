// Site structure: the home lists lessons in order, the language switch, the Korean home and the sitemap.
import { expect, test } from '@playwright/test';
import { readLesson } from './lesson-data.ts';

const lesson = readLesson('en/01-images-and-containers.mdx');

test('the home page links to the first lesson', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const link = page.locator('.lesson-list a').first();
  await expect(link).toContainText(lesson.title);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}/$`));
  await expect(page.locator('h1')).toHaveText(lesson.title);
  await context.close();
});

test('the language switch leads to the Korean home, which exists', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '한국어' }).click();
  await expect(page).toHaveURL(/\/ko\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('link', { name: '한국어' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('the sitemap lists the home pages and the lesson', async ({ request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.ok()).toBe(true);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain(`https://dockyard.example/lessons/${lesson.slug}/`);
  expect(sitemap).toContain('https://dockyard.example/ko/');
});

test('the favicon is served', async ({ request }) => {
  const response = await request.get('/favicon.svg');
  expect(response.ok()).toBe(true);
});
