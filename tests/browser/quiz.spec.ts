// The lesson quiz: immediate, announced feedback with the explanation, and answers kept in localStorage.
import { expect, test } from '@playwright/test';
import { readLesson } from './lesson-data.ts';

const lesson = readLesson('en/01-images-and-containers.mdx');
const lessonUrl = `/lessons/${lesson.slug}/`;

test.describe('lesson quiz', () => {
  test('has the questions the lesson declares', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lessonUrl);
    const questions = page.locator('[data-quiz] [data-question]');
    await expect(questions).toHaveCount(lesson.quiz.length);
    expect(lesson.quiz.length).toBe(3);
    for (const [index, question] of lesson.quiz.entries()) {
      await expect(questions.nth(index)).toContainText(question.question);
      await expect(questions.nth(index).locator('[data-choice]')).toHaveCount(question.choices.length);
    }
    await context.close();
  });

  test('says "Correct." in a live region and shows the explanation for the right answer', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lessonUrl);
    const [first] = lesson.quiz;
    const question = page.locator(`[data-question="${first.id}"]`);
    await expect(question.locator('[data-explanation]')).toBeHidden();
    await question.getByRole('button', { name: first.choices[first.answer] }).click();
    await expect(question.locator('[aria-live="polite"] [data-feedback]')).toHaveText('Correct.');
    await expect(question.locator('[data-explanation]')).toBeVisible();
    await expect(question.getByRole('button', { name: first.choices[first.answer] })).toHaveAttribute('aria-pressed', 'true');
    await context.close();
  });

  test('marks a wrong answer and names the right one', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lessonUrl);
    const second = lesson.quiz[1];
    const wrong = second.choices.findIndex((_, index) => index !== second.answer);
    const question = page.locator(`[data-question="${second.id}"]`);
    await question.getByRole('button', { name: second.choices[wrong] }).click();
    const feedback = question.locator('[data-feedback]');
    await expect(feedback).toContainText('Not quite.');
    await expect(feedback).toContainText(second.choices[second.answer]);
    await expect(question.locator('[data-explanation]')).toHaveText(second.explanation);
    await context.close();
  });

  test('remembers answers across a reload under a dockyard: key', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lessonUrl);
    const third = lesson.quiz[2];
    await page.locator(`[data-question="${third.id}"]`).getByRole('button', { name: third.choices[third.answer] }).click();
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('dockyard:')).map((key) => [key, localStorage.getItem(key)]),
    );
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0][1] ?? '{}')).toEqual({ [third.id]: { choice: third.answer, correct: true } });
    await page.reload();
    await expect(page.locator(`[data-question="${third.id}"] [data-feedback]`)).toHaveText('Correct.');
    await context.close();
  });
});
