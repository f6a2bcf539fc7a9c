// `docker-compose`, the v1 name: Docker Desktop's compatibility command is Compose v2 itself, run standalone (cmd/compatibility/convert.go).

/** Docker's global options that `docker-compose` accepts before its own and hands to the docker root. */
const GLOBAL_BOOL_FLAGS = ['--debug', '-D', '--verbose', '--tls', '--tlsverify'];
const GLOBAL_VALUE_FLAGS = ['--tlscacert', '--tlscert', '--tlskey', '--host', '-H', '--context', '--log-level'];

/**
 * The `docker` argv that `docker-compose ARGS` runs: the v1 spellings rewritten (`--version` is the
 * `version` command, `-h` is `--help`, `--verbose` is docker's `--debug`), docker's global options
 * moved in front of `compose`, everything from the first word on kept as it is.
 */
export function composeV1Argv(args: string[]): string[] {
  const rootFlags: string[] = [];
  const command = ['compose'];
  for (let index = 0; index < args.length; index++) {
    let arg = args[index];
    if (arg.length > 0 && arg[0] !== '-') {
      // `docker-compose compose up` is tolerated as `docker compose up`.
      command.push(...args.slice(arg === 'compose' ? index + 1 : index));
      break;
    }
    if (arg === '--verbose') arg = '--debug';
    else if (arg === '-h') arg = '--help';
    else if (arg === '--version' || arg === '-v') arg = 'version';
    if (GLOBAL_BOOL_FLAGS.includes(arg)) {
      rootFlags.push(arg);
      continue;
    }
    const valueFlag = GLOBAL_VALUE_FLAGS.find((flag) => arg === flag || arg.startsWith(`${flag}=`));
    if (valueFlag === arg) {
      index++;
      if (index >= args.length) break;
      rootFlags.push(arg, args[index]);
      continue;
    }
    if (valueFlag) {
      rootFlags.push(arg);
      continue;
    }
    command.push(arg);
  }
  return [...rootFlags, ...command];
}
