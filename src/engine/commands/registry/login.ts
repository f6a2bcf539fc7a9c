// `docker login`: authenticate to a registry.

import type { CommandDef } from '../../cli/command.ts';

/**
 * The sandbox's answer to every login attempt: Dockyard's Docker Hub is simulated and has no accounts,
 * so no username and password (or token) can be checked. Worded as the daemon words a refused login.
 */
export const NO_HUB_ACCOUNTS =
  'Error response from daemon: login is not available in this sandbox: the simulated Docker Hub has no accounts, so no credentials can be checked';

export const loginCommand: CommandDef = {
  path: ['login'],
  use: 'login [OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  topRank: 8,
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  args: { max: 1 },
  flags: [
    { name: 'password', shorthand: 'p', kind: 'string', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    { name: 'password-stdin', kind: 'bool', type: '', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
    { name: 'username', shorthand: 'u', kind: 'string', type: 'string', usage: 'Username' },
  ],
  supportedFlags: ['password', 'password-stdin', 'username'],
  run(ctx, { flags }) {
    const username = typeof flags.username === 'string' ? flags.username : '';
    const password = typeof flags.password === 'string' ? flags.password : '';
    const fromStdin = flags['password-stdin'] === true;
    // The client's own checks come first, in its order and words.
    if (password !== '') {
      ctx.out.stderr('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
      if (fromStdin) {
        ctx.out.stderr('--password and --password-stdin are mutually exclusive\n');
        return 1;
      }
    }
    if (fromStdin && username === '') {
      ctx.out.stderr('Must provide --username with --password-stdin\n');
      return 1;
    }
    // A missing username or password is asked for, which needs a terminal.
    const interactive = username === '' || (password === '' && !fromStdin);
    if (interactive && ctx.stdin !== undefined) {
      ctx.out.stderr('Error: Cannot perform an interactive login from a non TTY device\n');
      return 1;
    }
    ctx.out.stderr(`${NO_HUB_ACCOUNTS}\n`);
    return 1;
  },
};
