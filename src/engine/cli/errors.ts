// Docker's client-side usage errors, worded as docker 28.2.2 prints them (cli/required.go, cli/cobra.go, cmd/docker).

import type { ArgRule } from './command.ts';

/** What a failed invocation prints (always to stderr) and the exit code it leaves. */
export interface UsageError {
  message: string;
  exitCode: number;
}

/** A flag parsing error (cobra's FlagErrorFunc): exit 125. */
export function flagError(error: string, useLine: string, commandPath: string): UsageError {
  return { message: `${error}\n\nUsage:  ${useLine}\n\nRun '${commandPath} --help' for more information\n`, exitCode: 125 };
}

function plural(count: number): string {
  return count === 1 ? 'argument' : 'arguments';
}

/**
 * Checks the argument count against Docker's validators (NoArgs, RequiresMinArgs, RequiresMaxArgs,
 * RequiresRangeArgs, ExactArgs), with their exact and slightly uneven wording ("See", "SRun").
 */
export function checkArgs(rule: ArgRule | undefined, args: string[], useLine: string, commandPath: string): UsageError | null {
  if (!rule) return null;
  const { min, max } = rule;
  const count = args.length;
  if ((min === undefined || count >= min) && (max === undefined || count <= max)) return null;
  const usage = `Usage:  ${useLine}`;
  let text: string;
  if (max === 0) {
    text = `docker: '${commandPath}' accepts no arguments\n\n${usage}\n\nRun '${commandPath} --help' for more information`;
  } else if (min !== undefined && max !== undefined && min === max) {
    text = `docker: '${commandPath}' requires ${min} ${plural(min)}\n\n${usage}\n\nRun '${commandPath} --help' for more information`;
  } else if (min !== undefined && max !== undefined) {
    text = `docker: '${commandPath}' requires at least ${min} and at most ${max} ${plural(max)}\n\n${usage}\n\nRun '${commandPath} --help' for more information`;
  } else if (min !== undefined) {
    text = `docker: '${commandPath}' requires at least ${min} ${plural(min)}\n\n${usage}\n\nSee '${commandPath} --help' for more information`;
  } else {
    text = `docker: '${commandPath}' requires at most ${max} ${plural(max!)}\n\n${usage}\n\nSRun '${commandPath} --help' for more information`;
  }
  return { message: `${text}\n`, exitCode: 1 };
}

/** A word after a management command that names none of its subcommands (`docker container foo`). */
export function unknownSubcommand(commandPath: string, word: string, useLine: string): UsageError {
  return {
    message: `docker: unknown command: ${commandPath} ${word}\n\nUsage:  ${useLine}\n\nRun '${commandPath} --help' for more information\n`,
    exitCode: 1,
  };
}

/** A first word that is no docker command (`docker foo`). */
export function unknownCommand(word: string): UsageError {
  return { message: `docker: unknown command: docker ${word}\n\nRun 'docker --help' for more information\n`, exitCode: 1 };
}

/** `docker help` with words that name no command. */
export function unknownHelpTopic(words: string[]): UsageError {
  return { message: `unknown help topic: ${words.join(' ')}\n`, exitCode: 1 };
}

/** A real Docker command the simulator does not play. */
export function notSimulated(commandPath: string): UsageError {
  return { message: `docker: '${commandPath}' is a real Docker command, but this simulator does not support it.\n`, exitCode: 1 };
}

/**
 * Flags the command declares (Docker has them) but whose effect the simulator does not play: said
 * plainly instead of a success that ignored them. `commandPath` is null for global options.
 */
export function flagsNotSimulated(flagNames: string[], commandPath: string | null): UsageError {
  const flags = flagNames.map((name) => `--${name}`).join(', ');
  const where = commandPath === null ? (flagNames.length === 1 ? 'the global option ' : 'the global options ') : '';
  const target = commandPath === null ? '' : ` for '${commandPath}'`;
  return { message: `docker: the simulator does not support ${where}${flags}${target} yet; real Docker does.\n`, exitCode: 1 };
}

/**
 * A command's own client-side check failing after parsing (`docker: invalid containerPort: abc`):
 * cli.StatusError as run/create/start print it, exit 125 unless the command says otherwise.
 */
export function commandFailure(message: string, commandPath: string, exitCode = 125): UsageError {
  return { message: `docker: ${message}\n\nRun '${commandPath} --help' for more information\n`, exitCode };
}
