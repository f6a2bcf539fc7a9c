// Small system utilities: clear, sleep, env, which, whoami, hostname, id, date, uname, basename, dirname.

import { baseName } from '../vfs.ts';
import { usageError } from './common.ts';
import { commandPath, findCommand, type Builtin } from './registry.ts';
import { KERNEL_BUILD, KERNEL_RELEASE } from '../../state/host-kernel.ts';

/** What `clear` writes for TERM=xterm-256color: home, erase screen, erase scrollback. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

const clear: Builtin = (ctx, argv) => {
  ctx.out.stdout(argv.includes('-x') ? '\x1b[H\x1b[2J' : CLEAR_SCREEN);
  return 0;
};

const SLEEP_UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const sleep: Builtin = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return usageError(ctx, 'sleep', 'missing operand');
  let total = 0;
  for (const arg of args) {
    if (/^-[^0-9.]/.test(arg) || /^-[0-9]/.test(arg)) return usageError(ctx, 'sleep', `invalid option -- '${arg[1]}'`);
    const match = /^([0-9]*\.?[0-9]+|[0-9]+\.)([smhd]?)$/.exec(arg);
    if (!match) return usageError(ctx, 'sleep', `invalid time interval ‘${arg}’`);
    total += Number(match[1]) * SLEEP_UNITS[match[2]];
  }
  ctx.out.wait(Math.round(total));
  return 0;
};

const env: Builtin = (ctx, argv) => {
  let i = 1;
  let ignoreEnvironment = false;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-i' || arg === '-' || arg === '--ignore-environment') ignoreEnvironment = true;
    else if (arg === '--') {
      i++;
      break;
    } else if (arg.startsWith('-')) return usageError(ctx, 'env', `invalid option -- '${arg[1]}'`, 125);
    else break;
  }
  const assigned: Record<string, string> = {};
  for (; i < argv.length && /^[^=]+=/.test(argv[i]); i++) {
    const eq = argv[i].indexOf('=');
    assigned[argv[i].slice(0, eq)] = argv[i].slice(eq + 1);
  }
  if (i < argv.length) {
    const name = argv[i];
    if (!name.includes('/') && !findCommand(ctx.session, name, { binariesOnly: true })) {
      ctx.out.stderr(`env: ‘${name}’: No such file or directory\n`);
      return 127;
    }
    return ctx.shell.invoke(argv.slice(i), assigned, ctx.io);
  }
  const shown = ignoreEnvironment ? assigned : { ...ctx.env, ...assigned };
  let text = '';
  for (const [name, value] of Object.entries(shown)) text += `${name}=${value}\n`;
  ctx.out.stdout(text);
  return 0;
};

const printenv: Builtin = (ctx, argv) => {
  if (argv.length === 1) return env(ctx, ['env']);
  let status = 0;
  let text = '';
  for (const name of argv.slice(1)) {
    if (Object.hasOwn(ctx.env, name)) text += `${ctx.env[name]}\n`;
    else status = 1;
  }
  ctx.out.stdout(text);
  return status;
};

const which: Builtin = (ctx, argv) => {
  let status = argv.length > 1 ? 0 : 1;
  let text = '';
  for (const name of argv.slice(1)) {
    if (name.startsWith('-')) continue;
    const path = name.includes('/') ? undefined : commandPath(ctx.session, name);
    if (path) text += `${path}\n`;
    else status = 1;
  }
  ctx.out.stdout(text);
  return status;
};

const whoami: Builtin = (ctx) => {
  ctx.out.stdout(`${ctx.session.user}\n`);
  return 0;
};

const hostname: Builtin = (ctx) => {
  ctx.out.stdout(`${ctx.session.hostname}\n`);
  return 0;
};

const id: Builtin = (ctx) => {
  const user = ctx.session.user;
  ctx.out.stdout(user === 'root' ? 'uid=0(root) gid=0(root) groups=0(root)\n' : `uid=1000(${user}) gid=1000(${user}) groups=1000(${user}),27(sudo),999(docker)\n`);
  return 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime for the directives people use with `date +…`, in UTC. */
export function formatDate(time: number, format: string): string {
  const date = new Date(time);
  const two = (value: number): string => String(value).padStart(2, '0');
  return format.replace(/%([a-zA-Z%])/g, (whole, directive: string) => {
    switch (directive) {
      case 'Y':
        return String(date.getUTCFullYear());
      case 'y':
        return two(date.getUTCFullYear() % 100);
      case 'm':
        return two(date.getUTCMonth() + 1);
      case 'd':
        return two(date.getUTCDate());
      case 'e':
        return String(date.getUTCDate()).padStart(2);
      case 'H':
        return two(date.getUTCHours());
      case 'M':
        return two(date.getUTCMinutes());
      case 'S':
        return two(date.getUTCSeconds());
      case 's':
        return String(Math.floor(time / 1000));
      case 'N':
        return String((time % 1000) * 1_000_000).padStart(9, '0');
      case 'a':
        return DAYS[date.getUTCDay()];
      case 'b':
      case 'h':
        return MONTHS[date.getUTCMonth()];
      case 'F':
        return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
      case 'T':
        return `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case '%':
        return '%';
      default:
        return whole;
    }
  });
}

const date: Builtin = (ctx, argv) => {
  const format = argv.slice(1).find((arg) => arg.startsWith('+'));
  const now = ctx.state.clock;
  ctx.out.stdout(`${formatDate(now, format ? format.slice(1) : '%a %b %e %H:%M:%S %Z %Y')}\n`);
  return 0;
};

const uname: Builtin = (ctx, argv) => {
  const all = argv.includes('-a');
  const release = KERNEL_RELEASE;
  if (all) ctx.out.stdout(`Linux ${ctx.session.hostname} ${release} ${KERNEL_BUILD} x86_64 x86_64 x86_64 GNU/Linux\n`);
  else if (argv.includes('-r')) ctx.out.stdout(`${release}\n`);
  else if (argv.includes('-m')) ctx.out.stdout('x86_64\n');
  else ctx.out.stdout('Linux\n');
  return 0;
};

const basename: Builtin = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return usageError(ctx, 'basename', 'missing operand');
  let name = baseName(args[0]);
  if (args[1] !== undefined && name !== args[1] && name.endsWith(args[1])) name = name.slice(0, -args[1].length);
  ctx.out.stdout(`${name}\n`);
  return 0;
};

const dirname: Builtin = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) return usageError(ctx, 'dirname', 'missing operand');
  let text = '';
  for (const arg of args) {
    const trimmed = arg.replace(/\/+$/, '') || (arg.startsWith('/') ? '/' : arg);
    const slash = trimmed.lastIndexOf('/');
    text += `${slash < 0 ? '.' : slash === 0 ? '/' : trimmed.slice(0, slash).replace(/\/+$/, '') || '/'}\n`;
  }
  ctx.out.stdout(text);
  return 0;
};

export const SYSTEM_UTILITIES: Record<string, Builtin> = {
  clear,
  sleep,
  env,
  printenv,
  which,
  whoami,
  hostname,
  id,
  date,
  uname,
  basename,
  dirname,
};
