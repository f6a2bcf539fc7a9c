// Content collections: every lesson is an MDX file under content/lessons/<locale>/, its frontmatter checked here.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const quizQuestion = z
  .object({
    /** Stable id, unique within the lesson; progress in localStorage is keyed by it. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The question as the learner reads it (plain text). */
    question: z.string(),
    /** The possible answers, in the order shown. */
    choices: z.array(z.string()).min(2),
    /** Index into `choices` of the right answer. */
    answer: z.number().int().nonnegative(),
    /** Why the right answer is right; shown after any answer. */
    explanation: z.string(),
  })
  .refine((question) => question.answer < question.choices.length, {
    message: '`answer` must be an index into `choices`',
  });

const lessons = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: './content/lessons',
    // The path (e.g. `en/01-images-and-containers`) keeps ids unique across locales that share a slug.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: z.object({
    title: z.string(),
    /** One sentence for the lesson list and the page's meta description. */
    description: z.string(),
    /** Position in the course, starting at 1; the same lesson has the same order in every locale. */
    order: z.number().int().positive(),
    locale: z.enum(['en', 'ko']),
    /** The URL segment: /lessons/<slug>/ (and /ko/lessons/<slug>/); shared by a lesson's translations. */
    slug: z.string().regex(/^[a-z0-9-]+$/),
    /** Multiple-choice questions shown after the lesson. */
    quiz: z.array(quizQuestion).default([]),
  }),
});

export const collections = { lessons };
