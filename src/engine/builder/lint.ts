// Build checks BuildKit runs while converting the Dockerfile (linter/ruleset.go), beyond those found while parsing.

import type { Dockerfile, LintWarning } from './parse.ts';

// linter.go's secretsRegexp: a word of the name that names a secret, unless it is clearly public.
const SECRET_WORD = /(?:^|[^a-z])(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:$|[^a-z])/i;
const PUBLIC_WORD = /public/i;

/** Every warning of the build, in the order BuildKit reports them; rules named in `# check=skip=` are dropped. */
export function lintDockerfile(dockerfile: Dockerfile): LintWarning[] {
  const warnings: LintWarning[] = [...dockerfile.warnings];
  const secret = (kind: string, key: string, line: number): void => {
    if (SECRET_WORD.test(key) && !PUBLIC_WORD.test(key)) {
      warnings.push({ rule: 'SecretsUsedInArgOrEnv', message: `Do not use ARG or ENV instructions for sensitive data (${kind} ${JSON.stringify(key)})`, line });
    }
  };
  for (const arg of dockerfile.metaArgs) for (const pair of arg.args) secret('ARG', pair.key, arg.range.start);
  for (const stage of dockerfile.stages) {
    let absoluteWorkdir = false;
    let shellSet = false;
    const seen = new Map<string, number>();
    for (const command of stage.commands) {
      switch (command.kind) {
        case 'WORKDIR':
          if (command.value.startsWith('/') || command.value.startsWith('$')) absoluteWorkdir = true;
          else if (!absoluteWorkdir) {
            warnings.push({ rule: 'WorkdirRelativePath', message: `Relative workdir ${JSON.stringify(command.value)} can have unexpected results if the base image changes`, line: command.range.start });
          }
          break;
        case 'SHELL':
          shellSet = true;
          break;
        case 'CMD':
        case 'ENTRYPOINT':
          if (command.command.form === 'shell' && !shellSet) {
            // The rule names the instruction as written (`cmd` in a lower-case file).
            warnings.push({ rule: 'JSONArgsRecommended', message: `JSON arguments recommended for ${command.keyword} to prevent unintended behavior related to OS signals`, line: command.range.start });
          }
          break;
        case 'ENV':
          for (const pair of command.pairs) secret('ENV', pair.key, command.range.start);
          break;
        case 'ARG':
          for (const pair of command.args) secret('ARG', pair.key, command.range.start);
          break;
        default:
          break;
      }
      if (command.kind === 'CMD' || command.kind === 'ENTRYPOINT' || command.kind === 'HEALTHCHECK') {
        seen.set(command.kind, (seen.get(command.kind) ?? 0) + 1);
      }
    }
    for (const [kind, count] of seen) {
      if (count < 2) continue;
      const lines = stage.commands.filter((command) => command.kind === kind).slice(0, -1);
      for (const command of lines) {
        warnings.push({ rule: 'MultipleInstructionsDisallowed', message: `Multiple ${kind} instructions should not be used in the same stage because only the last one will be used`, line: command.range.start });
      }
    }
  }
  return warnings.filter((warning) => !dockerfile.skippedChecks.includes(warning.rule) && !dockerfile.skippedChecks.includes('all'));
}

/** How a warning reads in progress and in the summary: `Rule: message (line N)`. */
export function warningText(warning: LintWarning): string {
  return `${warning.rule}: ${warning.message} (line ${warning.line})`;
}
