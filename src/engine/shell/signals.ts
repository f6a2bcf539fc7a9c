// Control flow that unwinds the interpreter: `exit`, `break`/`continue`, and the work limits.

/** `exit`: unwinds to the shell (or subshell) that runs the command. */
export class ExitSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** `break N` / `continue N`. */
export class LoopSignal {
  readonly kind: 'break' | 'continue';
  levels: number;
  constructor(kind: 'break' | 'continue', levels: number) {
    this.kind = kind;
    this.levels = levels;
  }
}

/** The work limits were reached: stop everything, as if the learner pressed Ctrl+C. */
export class BudgetExceeded {}

/** An expansion failed (`${X:?}`, bad substitution): the rest of the command line is abandoned. */
export class LineAborted {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}
