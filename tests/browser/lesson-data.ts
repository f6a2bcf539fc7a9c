// Reads lesson frontmatter (quiz, slug) from content/, so browser tests follow the lessons instead of copying them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface QuizQuestion {
  id: string;
  question: string;
  choices: string[];
  answer: number;
  explanation: string;
}

export interface LessonFrontmatter {
  title: string;
  slug: string;
  locale: string;
  quiz: QuizQuestion[];
}

export function readLesson(path: string): LessonFrontmatter {
  const source = readFileSync(new URL(`../../content/lessons/${path}`, import.meta.url), 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  if (!match) throw new Error(`${path} has no frontmatter`);
  return parse(match[1]) as LessonFrontmatter;
}
