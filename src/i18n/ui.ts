// Interface strings per locale and the helpers that build locale-aware paths.
export const locales = ['en', 'ko'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export const languageNames: Record<Locale, string> = {
  en: 'English',
  ko: '한국어',
};

const strings = {
  en: {
    siteName: 'Dockyard',
    siteTagline: 'Learn Docker by typing real commands, right in your browser.',
    skipToContent: 'Skip to content',
    languageSwitchLabel: 'Language',
    lessonsHeading: 'Lessons',
    noLessonsYet: 'Lessons in this language are on their way.',
    lessonNumber: 'Lesson',
    backToLessons: 'All lessons',
    footerNote: 'Dockyard simulates Docker in your browser. Nothing is installed and nothing leaves the page.',
    terminalLabel: 'Practice terminal',
    terminalInputLabel: 'Terminal input',
    terminalNoScript: 'The terminal needs JavaScript. You can type the commands below on any machine with Docker.',
    terminalLoading: 'Starting the terminal…',
    terminalFailed: 'The terminal could not start. Reload the page to try again.',
    terminalSuggestions: 'Try these commands (click to type one in):',
    terminalHelp: 'Type a command and press Enter. Ctrl+C stops a running command, Ctrl+L clears the screen, Up and Down recall earlier commands, Tab leaves the terminal.',
    quizHeading: 'Check yourself',
    quizCorrect: 'Correct.',
    quizIncorrect: 'Not quite.',
    quizAnswerWas: 'Answer:',
    previousLesson: 'Previous lesson',
    nextLesson: 'Next lesson',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address.',
    homeLink: 'Go to the lessons',
  },
  ko: {
    siteName: 'Dockyard',
    siteTagline: '브라우저에서 실제 명령어를 직접 입력하며 Docker를 배워요.',
    skipToContent: '본문으로 건너뛰기',
    languageSwitchLabel: '언어',
    lessonsHeading: '레슨',
    noLessonsYet: '한국어 레슨을 준비하고 있어요.',
    lessonNumber: '레슨',
    backToLessons: '모든 레슨',
    footerNote: 'Dockyard는 브라우저 안에서 Docker를 시뮬레이션합니다. 아무것도 설치되지 않고, 어떤 데이터도 페이지 밖으로 나가지 않아요.',
    terminalLabel: '실습 터미널',
    terminalInputLabel: '터미널 입력',
    terminalNoScript: '터미널을 쓰려면 JavaScript가 필요해요. 아래 명령어는 Docker가 설치된 컴퓨터에서 직접 입력해 볼 수 있어요.',
    terminalLoading: '터미널을 시작하는 중…',
    terminalFailed: '터미널을 시작하지 못했어요. 페이지를 새로 고쳐 다시 시도해 주세요.',
    terminalSuggestions: '다음 명령어를 입력해 보세요 (누르면 입력돼요):',
    terminalHelp: '명령어를 입력하고 Enter를 누르세요. Ctrl+C는 실행 중인 명령을 멈추고, Ctrl+L은 화면을 지우며, 위/아래 화살표로 이전 명령을 불러옵니다. Tab을 누르면 터미널을 벗어나요.',
    quizHeading: '확인 문제',
    quizCorrect: '정답이에요.',
    quizIncorrect: '다시 생각해 보세요.',
    quizAnswerWas: '정답:',
    previousLesson: '이전 레슨',
    nextLesson: '다음 레슨',
    notFoundTitle: '페이지를 찾을 수 없어요',
    notFoundText: '이 주소에는 아무것도 없어요.',
    homeLink: '레슨 목록으로',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type UiKey = keyof (typeof strings)['en'];

export function t(locale: Locale, key: UiKey): string {
  return strings[locale][key];
}

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

/** The path of a page in a locale: English has no prefix, other locales live under /<locale>/. */
export function localePath(locale: Locale, path = '/'): string {
  const normalized = path.startsWith('/') ? path : `/${path}`;
  return locale === defaultLocale ? normalized : `/${locale}${normalized}`;
}

export function lessonPath(locale: Locale, slug: string): string {
  return localePath(locale, `/lessons/${slug}/`);
}
