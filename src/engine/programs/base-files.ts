// The root file systems of the base images (Debian, Ubuntu, Alpine, BusyBox): what `ls /`, `cat /etc/os-release` and PATH lookups see.

import type { FsTree, ImageRecord } from '../state/machine-state.ts';

export type OsFamily = 'debian' | 'ubuntu' | 'alpine' | 'busybox';

/** What a base image brings beyond its files: its shells and the flavour of its tools. */
export interface OsProfile {
  family: OsFamily;
  /** `12`, `24.04`, `3.22.0`, `1.37.0`. */
  version: string;
  /** `/bin/sh` is dash on Debian and Ubuntu, BusyBox ash on Alpine and BusyBox. */
  sh: 'dash' | 'ash';
  /** Whether `/bin/bash` exists. */
  bash: boolean;
  /** `ps` is procps on Ubuntu (and images that install it), BusyBox's applet on Alpine; Debian has none. */
  ps: 'procps' | 'busybox' | 'none';
}

/** Base layers of the simulated Hub's images (first 12 hex of the digest) and the OS each one is. */
const BASE_LAYERS: Record<string, OsProfile> = {
  '9d8d78576a12': { family: 'debian', version: '12', sh: 'dash', bash: true, ps: 'none' },
  f214374f6256: { family: 'debian', version: '12', sh: 'dash', bash: true, ps: 'none' },
  fed3583ed1a2: { family: 'ubuntu', version: '24.04', sh: 'dash', bash: true, ps: 'procps' },
  '1e4304c34d88': { family: 'ubuntu', version: '22.04', sh: 'dash', bash: true, ps: 'procps' },
  '8178ad4896a9': { family: 'alpine', version: '3.22.0', sh: 'ash', bash: false, ps: 'busybox' },
  '5fbf1a372d15': { family: 'alpine', version: '3.21.3', sh: 'ash', bash: false, ps: 'busybox' },
  '7aff72ff6979': { family: 'alpine', version: '3.20.6', sh: 'ash', bash: false, ps: 'busybox' },
  '27fd1f08fac9': { family: 'busybox', version: '1.37.0', sh: 'ash', bash: false, ps: 'busybox' },
};

/** Layers that put procps on an image (buildpack-deps:bookworm-scm under node and full python). */
const PROCPS_LAYERS = new Set(['ee4de29c32e6']);
/** Layers that bring curl and wget (buildpack-deps:bookworm-curl). */
const CURL_LAYERS = new Set(['717c46d96953']);

function layerId(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/** The OS an image is built on, from its base layer; an image the table does not know is taken for Debian. */
export function osProfileFor(image: ImageRecord): OsProfile {
  const base = image.layers[0] ? BASE_LAYERS[layerId(image.layers[0])] : undefined;
  const profile: OsProfile = base ? { ...base } : { family: 'debian', version: '12', sh: 'dash', bash: true, ps: 'none' };
  if (image.layers.some((layer) => PROCPS_LAYERS.has(layerId(layer)))) profile.ps = 'procps';
  return profile;
}

/** `$BASH_VERSION` of the image's bash: Ubuntu 24.04 ships 5.2.21, 22.04 5.1.16, Debian 12 5.2.15. */
export function bashVersionOf(profile: OsProfile): string | undefined {
  if (!profile.bash) return undefined;
  if (profile.family === 'ubuntu') return profile.version === '22.04' ? '5.1.16(1)-release' : '5.2.21(1)-release';
  return '5.2.15(1)-release';
}

/** Whether the image has its own shell at all (hello-world has none). */
export function hasShell(image: ImageRecord): boolean {
  return image.config.program !== 'hello-world';
}

const OS_RELEASE: Record<string, string> = {
  'debian 12': `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
  'ubuntu 24.04': `PRETTY_NAME="Ubuntu 24.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.2 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`,
  'ubuntu 22.04': `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`,
};

function alpineOsRelease(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.');
  return `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${version}
PRETTY_NAME="Alpine Linux v${minor}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;
}

/** coreutils, util-linux and friends that every Debian and Ubuntu image has in /usr/bin. */
const GNU_USR_BIN = [
  '[', 'apt', 'apt-cache', 'apt-config', 'apt-get', 'apt-mark', 'arch', 'awk', 'base32', 'base64', 'basename', 'bash', 'cat',
  'chgrp', 'chmod', 'chown', 'chroot', 'cksum', 'clear', 'cmp', 'comm', 'cp', 'csplit', 'cut', 'dash', 'date', 'dd', 'df',
  'diff', 'dir', 'dircolors', 'dirname', 'dpkg', 'du', 'echo', 'egrep', 'env', 'expand', 'expr', 'factor', 'false', 'fgrep',
  'find', 'fmt', 'fold', 'getent', 'grep', 'groups', 'gunzip', 'gzip', 'head', 'hostid', 'hostname', 'id', 'install', 'join',
  'ln', 'locale', 'login', 'logname', 'ls', 'md5sum', 'mkdir', 'mkfifo', 'mknod', 'mktemp', 'more', 'mount', 'mv', 'nice',
  'nl', 'nohup', 'nproc', 'numfmt', 'od', 'passwd', 'paste', 'perl', 'pr', 'printenv', 'printf', 'ptx', 'pwd', 'readlink',
  'realpath', 'rm', 'rmdir', 'sed', 'seq', 'sh', 'sha1sum', 'sha256sum', 'shred', 'shuf', 'sleep', 'sort', 'split', 'stat',
  'stty', 'su', 'sum', 'sync', 'tac', 'tail', 'tar', 'tee', 'test', 'timeout', 'touch', 'tr', 'true', 'truncate', 'tsort',
  'tty', 'umount', 'uname', 'unexpand', 'uniq', 'unlink', 'users', 'vdir', 'wc', 'which', 'who', 'whoami', 'xargs', 'yes',
  'zcat',
];
const GNU_USR_SBIN = ['adduser', 'addgroup', 'chpasswd', 'deluser', 'groupadd', 'groupdel', 'ldconfig', 'nologin', 'useradd', 'userdel', 'usermod'];
const PROCPS_BIN = ['free', 'kill', 'pgrep', 'pidof', 'pkill', 'pmap', 'ps', 'pwdx', 'top', 'uptime', 'vmstat', 'w', 'watch'];

/** BusyBox applets the images link: Alpine splits them between /bin, /sbin, /usr/bin and /usr/sbin. */
const BUSYBOX_BIN = [
  'arch', 'ash', 'base64', 'bbconfig', 'busybox', 'cat', 'chattr', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df',
  'dmesg', 'dnsdomainname', 'dumpkmap', 'echo', 'egrep', 'false', 'fatattr', 'fdflush', 'fgrep', 'fsync', 'getopt', 'grep',
  'gunzip', 'gzip', 'hostname', 'ionice', 'iostat', 'ipcalc', 'kbd_mode', 'kill', 'link', 'linux32', 'linux64', 'ln', 'login',
  'ls', 'lsattr', 'lzop', 'makemime', 'mkdir', 'mknod', 'mktemp', 'more', 'mount', 'mountpoint', 'mpstat', 'mv', 'netstat',
  'nice', 'pidof', 'ping', 'ping6', 'pipe_progress', 'printenv', 'ps', 'pwd', 'reformime', 'rev', 'rm', 'rmdir', 'run-parts',
  'sed', 'setpriv', 'setserial', 'sh', 'sleep', 'stat', 'stty', 'su', 'sync', 'tar', 'touch', 'true', 'umount', 'uname',
  'usleep', 'watch', 'zcat',
];
const BUSYBOX_SBIN = ['adjtimex', 'apk', 'arp', 'blkid', 'halt', 'ifconfig', 'ifdown', 'ifup', 'init', 'ip', 'ldconfig', 'mdev', 'modprobe', 'nologin', 'poweroff', 'reboot', 'route', 'sysctl', 'syslogd'];
const BUSYBOX_USR_BIN = [
  '[', '[[', 'awk', 'basename', 'bc', 'beep', 'blkdiscard', 'bunzip2', 'bzcat', 'bzip2', 'cal', 'chvt', 'cksum', 'clear', 'cmp',
  'comm', 'cpio', 'crontab', 'cryptpw', 'cut', 'dc', 'deallocvt', 'diff', 'dirname', 'dos2unix', 'du', 'eject', 'env',
  'expand', 'expr', 'factor', 'fallocate', 'find', 'flock', 'fold', 'free', 'fuser', 'getconf', 'getent', 'groups', 'hd',
  'head', 'hexdump', 'hostid', 'iconv', 'id', 'install', 'ipcrm', 'ipcs', 'killall', 'ldd', 'less', 'logger', 'lsof',
  'lsusb', 'lzcat', 'lzma', 'md5sum', 'mesg', 'microcom', 'mkfifo', 'mkpasswd', 'nc', 'nl', 'nmeter', 'nohup', 'nproc',
  'nsenter', 'nslookup', 'od', 'openvt', 'passwd', 'paste', 'pgrep', 'pkill', 'pmap', 'printf', 'pscan', 'pstree', 'pwdx',
  'readlink', 'realpath', 'renice', 'reset', 'resize', 'scanelf', 'seq', 'setkeycodes', 'setsid', 'sha1sum', 'sha256sum',
  'sha512sum', 'showkey', 'shred', 'shuf', 'sort', 'split', 'ssl_client', 'strings', 'sum', 'tac', 'tail', 'tee', 'test',
  'time', 'timeout', 'top', 'tr', 'traceroute', 'truncate', 'tty', 'ttysize', 'udhcpc6', 'unexpand', 'uniq', 'unix2dos',
  'unlink', 'unlzma', 'unshare', 'unxz', 'unzip', 'uptime', 'uudecode', 'uuencode', 'vi', 'volname', 'wc', 'wget', 'which',
  'whoami', 'whois', 'xargs', 'xxd', 'xzcat', 'yes',
];
/** The busybox image keeps every applet in /bin, including the ones Alpine moves or replaces. */
const BUSYBOX_IMAGE_EXTRA = ['httpd', 'telnet', 'tftp', 'ftpget', 'nslookup', 'wget', 'vi', 'top', 'ps', 'hostname', 'which', 'env', 'uptime', 'free', 'sort', 'head', 'tail', 'tee', 'test', 'wc', 'xargs', 'find', 'awk', 'cut', 'tr', 'uniq', 'id', 'whoami', 'printf', 'du', 'expr', 'basename', 'dirname', 'seq', 'yes', 'nc', 'less', 'diff', 'md5sum', 'sha256sum', 'readlink', 'realpath', 'timeout', 'traceroute', 'nproc', 'install'];

const MODE_DIR = 0o755;
const MODE_FILE = 0o644;
const MODE_EXEC = 0o755;

/** Builds a tree with every parent directory present. */
export class TreeBuilder {
  readonly tree: FsTree = {};
  private readonly mtime: number;

  constructor(mtime: number) {
    this.mtime = mtime;
    this.tree['/'] = { type: 'dir', mode: MODE_DIR, mtime };
  }

  dir(path: string, mode = MODE_DIR): this {
    if (path === '/') return this;
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!this.tree[parent]) this.dir(parent);
    if (!this.tree[path]) this.tree[path] = { type: 'dir', mode, mtime: this.mtime };
    return this;
  }

  file(path: string, content: string, mode = MODE_FILE): this {
    this.dir(path.slice(0, path.lastIndexOf('/')) || '/');
    this.tree[path] = { type: 'file', content, mode, mtime: this.mtime };
    return this;
  }

  /** Adds lines to a file (the image's users in /etc/passwd). */
  append(path: string, content: string): this {
    const node = this.tree[path];
    return this.file(path, `${node?.type === 'file' ? node.content : ''}${content}`, node?.mode ?? MODE_FILE);
  }

  symlink(path: string, target: string): this {
    this.dir(path.slice(0, path.lastIndexOf('/')) || '/');
    this.tree[path] = { type: 'symlink', target, mode: 0o777, mtime: this.mtime };
    return this;
  }

  executables(dir: string, names: string[]): this {
    for (const name of names) this.file(`${dir}/${name}`, '', MODE_EXEC);
    return this;
  }
}

const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

const BUSYBOX_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

/** The base OS's files: its directories, /etc, and an executable per program on its PATH. */
function osTree(profile: OsProfile, mtime: number): TreeBuilder {
  const tree = new TreeBuilder(mtime);
  const common = ['dev', 'etc', 'home', 'proc', 'root', 'sys', 'usr', 'var'];
  for (const name of common) tree.dir(`/${name}`, name === 'root' ? 0o700 : MODE_DIR);
  tree.dir('/tmp', 0o1777);
  tree.dir('/usr/local/bin').dir('/usr/local/sbin').dir('/var/log').dir('/var/lib').dir('/var/cache');
  if (profile.family === 'debian' || profile.family === 'ubuntu') {
    for (const name of ['boot', 'media', 'mnt', 'opt', 'run', 'srv']) tree.dir(`/${name}`);
    tree.dir('/usr/bin').dir('/usr/sbin').dir('/usr/lib').dir('/usr/lib64').dir('/usr/share');
    tree.symlink('/bin', 'usr/bin').symlink('/sbin', 'usr/sbin').symlink('/lib', 'usr/lib').symlink('/lib64', 'usr/lib64');
    if (profile.family === 'ubuntu' && profile.version === '24.04') {
      tree.dir('/bin.usr-is-merged').dir('/lib.usr-is-merged').dir('/sbin.usr-is-merged').dir('/home/ubuntu', 0o750);
    }
    if (profile.family === 'ubuntu' && profile.version === '22.04') {
      tree.dir('/usr/lib32').dir('/usr/libx32').symlink('/lib32', 'usr/lib32').symlink('/libx32', 'usr/libx32');
    }
    tree.executables('/usr/bin', GNU_USR_BIN).executables('/usr/sbin', GNU_USR_SBIN);
    if (profile.ps === 'procps') tree.executables('/usr/bin', PROCPS_BIN);
    tree.file('/usr/lib/os-release', OS_RELEASE[`${profile.family} ${profile.version}`] ?? OS_RELEASE['debian 12']);
    tree.symlink('/etc/os-release', '../usr/lib/os-release');
    tree.file('/etc/passwd', profile.family === 'ubuntu' && profile.version === '24.04' ? `${DEBIAN_PASSWD}ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n` : DEBIAN_PASSWD);
    tree.file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n');
    if (profile.family === 'debian') tree.file('/etc/debian_version', '12.11\n');
    else tree.file('/etc/debian_version', profile.version === '24.04' ? 'trixie/sid\n' : 'bookworm/sid\n');
    tree.file('/etc/bash.bashrc', '');
    tree.file('/root/.bashrc', '').file('/root/.profile', '');
  } else if (profile.family === 'alpine') {
    for (const name of ['bin', 'lib', 'media', 'mnt', 'opt', 'run', 'sbin', 'srv']) tree.dir(`/${name}`);
    tree.dir('/usr/bin').dir('/usr/sbin').dir('/usr/lib').dir('/usr/share');
    tree.file('/bin/busybox', '', MODE_EXEC);
    for (const name of BUSYBOX_BIN) if (name !== 'busybox') tree.symlink(`/bin/${name}`, '/bin/busybox');
    for (const name of BUSYBOX_SBIN) tree.symlink(`/sbin/${name}`, '/bin/busybox');
    tree.file('/sbin/apk', '', MODE_EXEC);
    for (const name of BUSYBOX_USR_BIN) tree.symlink(`/usr/bin/${name}`, '/bin/busybox');
    tree.file('/usr/bin/getent', '', MODE_EXEC).file('/usr/bin/ldd', '', MODE_EXEC).file('/usr/bin/iconv', '', MODE_EXEC);
    tree.file('/usr/lib/os-release', alpineOsRelease(profile.version));
    tree.symlink('/etc/os-release', '../usr/lib/os-release');
    tree.file('/etc/alpine-release', `${profile.version}\n`);
    tree.file('/etc/motd', 'Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n');
    tree.file('/etc/passwd', ALPINE_PASSWD);
    tree.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  } else {
    for (const name of ['bin', 'lib', 'lib64']) tree.dir(`/${name}`);
    tree.file('/bin/busybox', '', MODE_EXEC);
    const applets = new Set([...BUSYBOX_BIN, ...BUSYBOX_USR_BIN, ...BUSYBOX_IMAGE_EXTRA, ...BUSYBOX_SBIN.filter((name) => name !== 'apk')]);
    applets.delete('getent');
    applets.delete('ldd');
    applets.delete('apk');
    for (const name of applets) tree.file(`/bin/${name}`, '', MODE_EXEC);
    tree.file('/etc/passwd', BUSYBOX_PASSWD);
  }
  return tree;
}

/** Files the scripted programs' images add to their base (nginx's pages, entrypoints, the interpreters). */
function programFiles(tree: TreeBuilder, image: ImageRecord): void {
  const program = image.config.program;
  const env = Object.fromEntries(image.config.env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  switch (program) {
    case 'nginx':
      tree.file('/docker-entrypoint.sh', '', MODE_EXEC);
      tree.file('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', '', MODE_EXEC);
      tree.file('/docker-entrypoint.d/15-local-resolvers.envsh', '', MODE_EXEC);
      tree.file('/docker-entrypoint.d/20-envsubst-on-templates.sh', '', MODE_EXEC);
      tree.file('/docker-entrypoint.d/30-tune-worker-processes.sh', '', MODE_EXEC);
      tree.file('/usr/sbin/nginx', '', MODE_EXEC);
      tree.file('/usr/bin/curl', '', MODE_EXEC);
      tree.file('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML);
      tree.file('/usr/share/nginx/html/50x.html', NGINX_50X_HTML);
      tree.file('/etc/nginx/nginx.conf', NGINX_CONF);
      tree.file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
      tree.symlink('/var/log/nginx/access.log', '/dev/stdout');
      tree.symlink('/var/log/nginx/error.log', '/dev/stderr');
      tree.dir('/var/cache/nginx');
      break;
    case 'postgres': {
      const major = env.PG_MAJOR ?? '16';
      tree.file('/usr/local/bin/docker-entrypoint.sh', '', MODE_EXEC);
      tree.file('/usr/local/bin/docker-ensure-initdb.sh', '', MODE_EXEC);
      tree.file('/usr/local/bin/gosu', '', MODE_EXEC);
      tree.dir('/docker-entrypoint-initdb.d');
      for (const name of ['postgres', 'initdb', 'pg_ctl']) tree.file(`/usr/lib/postgresql/${major}/bin/${name}`, '', MODE_EXEC);
      for (const name of ['psql', 'pg_dump', 'pg_isready', 'createdb', 'dropdb']) tree.file(`/usr/bin/${name}`, '', MODE_EXEC);
      tree.dir('/var/lib/postgresql/data', 0o1777).dir('/var/run/postgresql', 0o3777);
      tree.append('/etc/passwd', 'postgres:x:999:999::/var/lib/postgresql:/bin/bash\n');
      break;
    }
    case 'redis':
      tree.file('/usr/local/bin/docker-entrypoint.sh', '', MODE_EXEC);
      tree.file('/usr/local/bin/gosu', '', MODE_EXEC);
      for (const name of ['redis-server', 'redis-cli', 'redis-benchmark', 'redis-check-aof', 'redis-check-rdb', 'redis-sentinel']) tree.file(`/usr/local/bin/${name}`, '', MODE_EXEC);
      tree.dir('/data');
      tree.append('/etc/passwd', 'redis:x:999:999::/home/redis:/usr/sbin/nologin\n');
      break;
    case 'python': {
      const minor = (env.PYTHON_VERSION ?? '3.9.23').split('.').slice(0, 2).join('.');
      tree.file(`/usr/local/bin/python${minor}`, '', MODE_EXEC);
      tree.symlink('/usr/local/bin/python3', `python${minor}`).symlink('/usr/local/bin/python', 'python3');
      tree.file(`/usr/local/bin/pip${minor}`, '', MODE_EXEC).file('/usr/local/bin/pip3', '', MODE_EXEC).file('/usr/local/bin/pip', '', MODE_EXEC);
      tree.dir(`/usr/local/lib/python${minor}/site-packages`);
      break;
    }
    case 'node':
      tree.file('/usr/local/bin/docker-entrypoint.sh', '', MODE_EXEC);
      tree.file('/usr/local/bin/node', '', MODE_EXEC);
      tree.symlink('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js').symlink('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
      tree.file('/usr/local/lib/node_modules/npm/bin/npm-cli.js', '', MODE_EXEC).file('/usr/local/lib/node_modules/npm/bin/npx-cli.js', '', MODE_EXEC);
      tree.file('/usr/local/bin/yarn', '', MODE_EXEC);
      tree.dir('/home/node');
      break;
    default:
      break;
  }
  if (image.layers.some((layer) => CURL_LAYERS.has(layerId(layer)))) tree.file('/usr/bin/curl', '', MODE_EXEC).file('/usr/bin/wget', '', MODE_EXEC);
  if (image.layers.some((layer) => PROCPS_LAYERS.has(layerId(layer)))) tree.executables('/usr/bin', PROCPS_BIN);
}

const baseTrees = new Map<string, FsTree>();

/**
 * The image's root file system before any container changes it: the OS, what its program adds, and the
 * files a build put there. Shared by every container of the image, so it must never be written to.
 */
export function imageRootTree(image: ImageRecord): FsTree {
  const cached = baseTrees.get(image.id);
  if (cached) return cached;
  const builder = image.config.program === 'hello-world' ? helloWorldTree(image.created) : osTree(osProfileFor(image), image.created);
  if (image.config.program !== 'hello-world') programFiles(builder, image);
  const tree = builder.tree;
  for (const [path, node] of Object.entries(image.files)) {
    builder.dir(path.slice(0, path.lastIndexOf('/')) || '/');
    tree[path] = node;
  }
  if (image.config.workingDir) builder.dir(image.config.workingDir);
  baseTrees.set(image.id, tree);
  return tree;
}

function helloWorldTree(mtime: number): TreeBuilder {
  return new TreeBuilder(mtime).file('/hello', '', MODE_EXEC);
}

/** The welcome page nginx 1.27 ships (615 bytes). */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;
