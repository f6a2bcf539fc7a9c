// Quiz behaviour: marks a chosen answer right or wrong, reveals the explanation, remembers answers in localStorage.
type Answers = Record<string, { choice: number; correct: boolean }>;

for (const quiz of document.querySelectorAll<HTMLElement>('[data-quiz]')) {
  const storageKey = `dockyard:quiz:${quiz.dataset.quiz}`;
  const answers = load(storageKey);

  const show = (question: HTMLElement, choice: number) => {
    const answer = Number(question.dataset.answer);
    const buttons = question.querySelectorAll<HTMLButtonElement>('[data-choice]');
    buttons.forEach((button, index) => {
      button.setAttribute('aria-pressed', String(index === choice));
      button.dataset.result = index === answer ? 'correct' : index === choice ? 'incorrect' : '';
    });
    const feedback = question.querySelector<HTMLElement>('[data-feedback]')!;
    const correct = choice === answer;
    feedback.dataset.result = correct ? 'correct' : 'incorrect';
    feedback.textContent = correct
      ? (quiz.dataset.correctText ?? '')
      : `${quiz.dataset.incorrectText} ${quiz.dataset.answerText} ${buttons[answer]?.textContent?.trim()}`;
    question.querySelector<HTMLElement>('[data-explanation]')!.hidden = false;
  };

  for (const question of quiz.querySelectorAll<HTMLElement>('[data-question]')) {
    const saved = answers[question.dataset.question!];
    if (saved) show(question, saved.choice);
    question.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-choice]');
      if (!button) return;
      const choice = Number(button.dataset.choice);
      show(question, choice);
      answers[question.dataset.question!] = { choice, correct: choice === Number(question.dataset.answer) };
      try {
        localStorage.setItem(storageKey, JSON.stringify(answers));
      } catch {
        // Storage can be full or blocked; the quiz still works for this visit.
      }
    });
  }
}

function load(key: string): Answers {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Answers;
  } catch {
    return {};
  }
}
