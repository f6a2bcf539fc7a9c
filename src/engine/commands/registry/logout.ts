// `docker logout`: log out from a registry.

import type { CommandDef } from '../../cli/command.ts';

/** Docker Hub's address as the credential store keys it. */
const INDEX_SERVER = 'https://index.docker.io/v1/';

/** `credentials.ConvertToHostname`: the host part of a registry address. */
function hostnameOf(address: string): string {
  return address.replace(/^https?:\/\//, '').split('/')[0];
}

export const logoutCommand: CommandDef = {
  path: ['logout'],
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  topRank: 9,
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { max: 1 },
  flags: [],
  supportedFlags: [],
  run(ctx, { args }) {
    // Nothing is stored, as no login can succeed; the client says the same either way.
    const address = args[0] === undefined || args[0] === '' ? INDEX_SERVER : hostnameOf(args[0]);
    ctx.out.stdout(`Removing login credentials for ${address}\n`);
    return 0;
  },
};
