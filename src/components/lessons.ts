// Reads the lesson collection for one locale, in course order.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/ui.ts';

export type Lesson = CollectionEntry<'lessons'>;

export async function getLessons(locale: Locale): Promise<Lesson[]> {
  const lessons = await getCollection('lessons', (lesson) => lesson.data.locale === locale);
  return lessons.sort((a, b) => a.data.order - b.data.order);
}
