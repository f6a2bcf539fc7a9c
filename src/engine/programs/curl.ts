// curl, on the learner's host (8.5.0, Ubuntu 24.04) and in images that ship it (7.88.1, Debian 12): HTTP to published ports and containers.

import type { CommandContext } from '../exec/context.ts';
import type { Program } from '../shell/session.ts';
import { isFsError, resolvePath } from '../shell/vfs.ts';
import type { MachineState } from '../state/machine-state.ts';
import { connect, exchange, HOST, resolveHost, type Origin } from './network.ts';
import type { HttpResponse } from './program.ts';

interface CurlRequest {
  url: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  output?: string;
  method?: string;
  headers: string[];
  data?: string;
  writeOut?: string;
}

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const SHORT_WITH_VALUE = new Set(['o', 'X', 'H', 'd', 'm', 'w', 'u', 'A', 'e', 'x', 'T', 'F', 'b', 'c', 'r', 'C', 'E', 'K', 'Y', 'y', 'z']);
const SHORT_BOOLEAN = new Set(['s', 'S', 'i', 'I', 'v', 'L', 'f', 'k', 'O', 'N', '#', 'g', 'G', 'j', 'l', 'n', 'q', 'R', 'Z', '4', '6', '0', '1', '2', '3']);
const LONG_WITH_VALUE = new Set(['output', 'request', 'header', 'data', 'data-raw', 'data-binary', 'max-time', 'connect-timeout', 'write-out', 'user', 'user-agent', 'referer', 'proxy', 'retry', 'cookie', 'form']);
const LONG_BOOLEAN = new Set(['silent', 'show-error', 'include', 'head', 'verbose', 'location', 'fail', 'insecure', 'remote-name', 'compressed', 'http1.1', 'no-progress-meter', 'ipv4', 'ipv6']);
const LONG_TO_SHORT: Record<string, string> = {
  silent: 's', 'show-error': 'S', include: 'i', head: 'I', verbose: 'v', location: 'L', fail: 'f', insecure: 'k', output: 'o',
  request: 'X', header: 'H', data: 'd', 'data-raw': 'd', 'data-binary': 'd', 'max-time': 'm', 'write-out': 'w',
};

type Parsed = { ok: true; request: CurlRequest } | { ok: false; text: string; code: number };

function parseArgs(args: string[]): Parsed {
  const request: CurlRequest = { url: '', silent: false, showError: false, include: false, head: false, verbose: false, fail: false, headers: [] };
  const urls: string[] = [];
  const set = (flag: string, value?: string) => {
    switch (flag) {
      case 's': request.silent = true; break;
      case 'S': request.showError = true; break;
      case 'i': request.include = true; break;
      case 'I': request.head = true; break;
      case 'v': request.verbose = true; break;
      case 'f': request.fail = true; break;
      case 'o': request.output = value; break;
      case 'X': request.method = value; break;
      case 'H': if (value !== undefined) request.headers.push(value); break;
      case 'd': request.data = value; break;
      case 'w': request.writeOut = value; break;
      case 'no-progress-meter': request.silent = request.silent || false; break;
      default: break;
    }
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg.startsWith('--') && arg.length > 2) {
      const [name, inline] = arg.includes('=') ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg.slice(2), undefined];
      if (LONG_WITH_VALUE.has(name)) {
        const value = inline ?? args[++index];
        if (value === undefined) return { ok: false, text: `curl: option --${name}: requires parameter\n${TRY_HELP}`, code: 2 };
        set(LONG_TO_SHORT[name] ?? name, value);
      } else if (LONG_BOOLEAN.has(name)) set(LONG_TO_SHORT[name] ?? name);
      else return { ok: false, text: `curl: option --${name}: is unknown\n${TRY_HELP}`, code: 2 };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at++) {
        const flag = arg[at];
        if (SHORT_WITH_VALUE.has(flag)) {
          const value = at + 1 < arg.length ? arg.slice(at + 1) : args[++index];
          if (value === undefined) return { ok: false, text: `curl: option -${flag}: requires parameter\n${TRY_HELP}`, code: 2 };
          set(flag, value);
          break;
        }
        if (!SHORT_BOOLEAN.has(flag)) return { ok: false, text: `curl: option -${arg.slice(1)}: is unknown\n${TRY_HELP}`, code: 2 };
        set(flag);
      }
      continue;
    }
    urls.push(arg);
  }
  if (urls.length === 0) return { ok: false, text: `curl: no URL specified!\n${TRY_HELP}`, code: 2 };
  request.url = urls[0];
  return { ok: true, request };
}

interface Target {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** How the Host header and messages name it: `localhost:8888`. */
  authority: string;
}

function parseUrl(text: string): Target | { code: number; message: string } {
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : 'http';
  const rest = schemeMatch ? text.slice(schemeMatch[0].length) : text;
  if (scheme !== 'http' && scheme !== 'https') return { code: 1, message: `Protocol "${scheme}" not supported` };
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '/' : rest[slash] === '/' ? rest.slice(slash).replace(/#.*$/, '') : `/${rest.slice(slash).replace(/#.*$/, '')}`;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const colon = hostPort.lastIndexOf(':');
  const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
  const portText = colon >= 0 ? hostPort.slice(colon + 1) : '';
  if (host === '') return { code: 3, message: 'URL rejected: No host part in the URL' };
  if (/[\s<>"{}|\\^`]/.test(host)) return { code: 3, message: 'URL rejected: Malformed input to a URL function' };
  if (portText !== '' && (!/^\d+$/.test(portText) || Number(portText) > 65535)) return { code: 3, message: 'URL rejected: Port number was not a decimal number between 0 and 65535' };
  const port = portText === '' ? (scheme === 'https' ? 443 : 80) : Number(portText);
  return { scheme, host, port, path: path === '' ? '/' : path, authority: hostPort };
}

/** curl's five-character sizes in the progress meter (`  615`, ` 600k`, `12.3M`). */
function max5(bytes: number): string {
  const kilo = 1024;
  const mega = kilo * 1024;
  if (bytes < 100_000) return String(Math.floor(bytes)).padStart(5);
  if (bytes < 10_000 * kilo) return `${String(Math.floor(bytes / kilo)).padStart(4)}k`;
  if (bytes < 100 * mega) return `${String(Math.floor(bytes / mega)).padStart(2)}.${Math.floor((bytes % mega) / (mega / 10))}M`;
  return `${String(Math.floor(bytes / mega)).padStart(4)}M`;
}

const METER_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function meterLine(total: number, received: number, speed: number): string {
  const percent = total > 0 ? Math.floor((received * 100) / total) : 0;
  return `\r${String(percent).padStart(3)} ${max5(total)}  ${String(percent).padStart(3)} ${max5(received)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}`;
}

const ZERO_LINE = meterLine(0, 0, 0);

export interface CurlFlavour {
  version: string;
  /** Where the request comes from: the host, or a container. */
  origin: (state: MachineState) => Origin;
}

/** The time a local HTTP exchange takes (connect, request, answer) in virtual ms. */
const EXCHANGE_MS = 2;

function formatWriteOut(format: string, response: HttpResponse | null, bytes: number): string {
  return format
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r')
    .replace(/%\{http_code\}|%\{response_code\}/g, String(response?.status ?? 0).padStart(3, '0'))
    .replace(/%\{size_download\}/g, String(bytes))
    .replace(/%\{content_type\}/g, response?.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '')
    .replace(/%\{time_total\}/g, (EXCHANGE_MS / 1000).toFixed(6));
}

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

/** `curl --version` as the distribution's build prints it. */
function versionText(version: string): string {
  if (version.startsWith('7.')) {
    return `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.16 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u12
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;
  }
  return `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;
}

export function curlProgram(flavour: CurlFlavour): Program {
  return (ctx: CommandContext, argv: string[]) => {
    const words = argv.slice(1);
    if (words.some((word) => word === '--help' || word === '-h')) {
      ctx.out.stdout(HELP);
      return 0;
    }
    if (words.some((word) => word === '--version' || word === '-V')) {
      ctx.out.stdout(versionText(flavour.version));
      return 0;
    }
    const parsed = parseArgs(words);
    if (!parsed.ok) {
      ctx.out.stderr(parsed.text);
      return parsed.code;
    }
    const request = parsed.request;
    const showErrors = !request.silent || request.showError;
    const meter = !request.silent && (!ctx.tty || request.output !== undefined);
    const fail = (code: number, message: string, zeroLines: number): number => {
      // A URL curl cannot use fails before the transfer starts: no meter at all.
      if (meter && zeroLines > 0) ctx.out.stderr(`${METER_HEADER}${ZERO_LINE.repeat(zeroLines)}${zeroLines > 1 ? '\n' : ''}`);
      if (showErrors) ctx.out.stderr(`curl: (${code}) ${message}\n`);
      if (request.writeOut !== undefined) ctx.out.stdout(formatWriteOut(request.writeOut, null, 0));
      return code;
    };
    const target = parseUrl(request.url);
    if ('code' in target) return fail(target.code, target.message, 0);
    const origin = flavour.origin(ctx.state);
    const address = resolveHost(ctx.state, origin, target.host);
    const verbose = (text: string) => {
      if (request.verbose) ctx.out.stderr(text);
    };
    if (address === null) {
      verbose(`* Could not resolve host: ${target.host}\n* Closing connection\n`);
      return fail(6, `Could not resolve host: ${target.host}`, 1);
    }
    const shownAddress = address === '127.0.0.1' && target.host !== '127.0.0.1' ? '127.0.0.1' : address;
    const connection = connect(ctx.state, origin, address, target.port);
    ctx.out.wait(EXCHANGE_MS);
    if (connection.kind === 'refused' || connection.kind === 'timeout') {
      if (connection.kind === 'timeout') return fail(28, `Failed to connect to ${target.host} port ${target.port} after 134226 ms: Couldn't connect to server`, 2);
      const message = `Failed to connect to ${target.host} port ${target.port} after 0 ms: ${flavour.version.startsWith('7.') ? "Couldn't" : 'Could not'} connect to server`;
      verbose(`*   Trying ${shownAddress}:${target.port}...\n* connect to ${shownAddress} port ${target.port} failed: Connection refused\n`);
      // `localhost` also has ::1, which curl tries next.
      if (target.host === 'localhost') verbose(`*   Trying [::1]:${target.port}...\n* connect to ::1 port ${target.port} failed: Connection refused\n`);
      verbose(`* ${message}\n* Closing connection\n`);
      return fail(7, message, 2);
    }
    if (connection.kind === 'reset') return fail(56, 'Recv failure: Connection reset by peer', 2);
    const method = request.method ?? (request.head ? 'HEAD' : request.data !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { host: target.authority, 'user-agent': `curl/${flavour.version}`, accept: '*/*' };
    for (const header of request.headers) {
      const colon = header.indexOf(':');
      if (colon > 0) headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    }
    if (target.scheme === 'https') {
      return fail(35, flavour.version.startsWith('7.') ? 'error:0A00010B:SSL routines::wrong version number' : 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number', 1);
    }
    const response = exchange(ctx.state, connection, { method, path: target.path, headers, body: request.data });
    if (!response) return fail(52, 'Empty reply from server', 2);
    if (response.status === 0) return fail(1, 'Received HTTP/0.9 when not allowed', 2);
    verbose(`*   Trying ${shownAddress}:${target.port}...\n* Connected to ${target.host} (${shownAddress}) port ${target.port}\n`);
    verbose(`> ${method} ${target.path} HTTP/1.1\n> Host: ${target.authority}\n> User-Agent: curl/${flavour.version}\n> Accept: */*\n> \n`);
    const headerText = `HTTP/1.1 ${response.status} ${response.statusText}\r\n${response.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
    verbose(headerText.split('\r\n').slice(0, -1).map((line) => `< ${line}\n`).join(''));
    const failed = request.fail && response.status >= 400;
    const body = method === 'HEAD' || failed ? '' : response.body;
    const contentLength = Number(response.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1] ?? body.length);
    const speed = Math.floor((body.length * 1000) / EXCHANGE_MS);
    let printed = '';
    if (request.include || request.head) printed += headerText;
    printed += body;
    if (meter) ctx.out.stderr(`${METER_HEADER}${ZERO_LINE}`);
    if (request.verbose && body !== '' && !ctx.tty) ctx.out.stderr(`{ [${body.length} bytes data]\n`);
    if (request.output !== undefined && request.output !== '/dev/null' && request.output !== '-') {
      const fs = ctx.fs;
      const path = resolvePath(ctx.cwd, request.output);
      const written = fs?.writeFile(path, printed);
      if (!fs || (written && isFsError(written))) {
        if (meter) ctx.out.stderr(`${meterLine(contentLength, 0, 0)}\n`);
        if (showErrors) ctx.out.stderr(`Warning: Failed to open the file ${request.output}: ${written?.errno === 'ENOENT' ? 'No such file or directory' : 'Permission denied'}\ncurl: (23) Failure writing output to destination\n`);
        return 23;
      }
    } else if (request.output !== '/dev/null') ctx.out.stdout(printed);
    if (meter) ctx.out.stderr(`${meterLine(method === 'HEAD' ? contentLength : body.length, body.length, speed)}\n`);
    verbose(`* Connection #0 to host ${target.host} left intact\n`);
    if (request.writeOut !== undefined) ctx.out.stdout(formatWriteOut(request.writeOut, response, body.length));
    if (failed) {
      if (showErrors) ctx.out.stderr(`curl: (22) The requested URL returned error: ${response.status}\n`);
      return 22;
    }
    return 0;
  };
}

/** curl on the learner's machine. */
export const hostCurl: Program = curlProgram({ version: '8.5.0', origin: () => HOST });
