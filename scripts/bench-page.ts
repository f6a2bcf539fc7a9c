// `npm run bench:page`: JavaScript a lesson page loads before and after its terminal starts, and how fast the terminal gets ready.
//
// Serves dist/ (built first if missing) from a plain static server, opens the first lesson in Debian's Chromium
// with its terminal below the fold, and prints: the scripts loaded before the terminal is seen and the chunks its
// start adds (bytes and gzip -9 sizes, as a server compressing them would send), the time from scrolling the
// terminal into view to a drawn prompt (median of BENCH_RUNS fresh contexts, default 5; also with the CPU slowed
// 4×), and how `docker compose up --build` plays: time to its last line and the longest main-thread task.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CPU_SLOWDOWN = 4;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

function firstLessonPath(): string {
  const lessons = join(DIST, 'lessons');
  const slug = readdirSync(lessons).filter((name) => statSync(join(lessons, name)).isDirectory()).sort()[0];
  if (!slug) throw new Error('dist/lessons has no lesson');
  return `/lessons/${slug}/`;
}

function ensureBuilt(): void {
  if (existsSync(join(DIST, 'lessons'))) return;
  process.stderr.write('dist/ is missing: building the site first\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

function serveDist(): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(DIST, pathname));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

interface Script {
  url: string;
  bytes: number;
  gzip: number;
}

function measureScript(url: string, body: Buffer): Script {
  return { url, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** Module scripts written into the HTML itself (they load with the page, not as files). */
function inlineScripts(html: string): Script[] {
  const scripts: Script[] = [];
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1].trim() !== '') scripts.push(measureScript('(inline)', Buffer.from(match[1])));
  }
  return scripts;
}

/** Every script file the page fetches, in order; each entry settles once its body has been read. */
function recordScripts(page: Page): Promise<Script>[] {
  const scripts: Promise<Script>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(response.body().then((body) => measureScript(new URL(response.url()).pathname, body)));
  });
  return scripts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A chunk's name without its content hash: `engine.DiL-2aWx.js` → `engine`. */
function chunkName(url: string): string {
  const file = url.slice(url.lastIndexOf('/') + 1);
  return file.replace(/\.[\w-]{8}\.js$/, '').replace(/\.js$/, '');
}

async function openLesson(browser: Browser, base: string, lesson: string, cpuSlowdown = 1) {
  // 600 px high: the lesson's terminal starts below the fold, so nothing of it loads until it is scrolled to.
  const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  const scripts = recordScripts(page);
  const response = await page.goto(`${base}${lesson}`);
  const html = (await response?.text()) ?? '';
  await page.waitForLoadState('networkidle');
  return { context, page, scripts, html };
}

/** Scrolls the first terminal into view and resolves with the milliseconds until its prompt is in the DOM. */
function timeToPrompt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const terminal = document.querySelector('docker-terminal');
        if (!terminal) return fail(new Error('no <docker-terminal> on the page'));
        if (terminal.hasAttribute('data-state')) return fail(new Error('the terminal started before it was scrolled to'));
        const ready = () => /\$\s*$/.test(terminal.querySelector('.xterm-rows')?.textContent ?? '');
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          done(performance.now() - start);
        });
        observer.observe(terminal, { subtree: true, childList: true, characterData: true });
        terminal.scrollIntoView();
      }),
  );
}

async function measureLoad(browser: Browser, base: string, lesson: string) {
  const { context, page, scripts, html } = await openLesson(browser, base, lesson);
  const before = [...(await Promise.all(scripts)), ...inlineScripts(html)];
  const loadedBefore = scripts.length;
  await timeToPrompt(page);
  await page.waitForLoadState('networkidle');
  const added = await Promise.all(scripts.slice(loadedBefore));
  await context.close();
  return { before, added };
}

async function measureReady(browser: Browser, base: string, lesson: string, cpuSlowdown: number): Promise<number> {
  const { context, page } = await openLesson(browser, base, lesson, cpuSlowdown);
  const milliseconds = await timeToPrompt(page);
  await context.close();
  return milliseconds;
}

/**
 * `docker compose up --build` in the flask-postgres scenario: time until its last line shows and the longest task
 * meanwhile; with `interrupt`, Ctrl+C right after Enter, timed until Compose's stop message has shown.
 */
async function measureComposePlayback(browser: Browser, base: string, lesson: string, interrupt: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route(`**${lesson}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<docker-terminal ', '<docker-terminal data-scenario="flask-postgres" ');
    await route.fulfill({ response, body });
  });
  await page.goto(`${base}${lesson}`);
  const terminal = page.locator('docker-terminal').first();
  await terminal.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /\$\s*$/.test(document.querySelector('docker-terminal .xterm-rows')?.textContent ?? ''));
  await terminal.locator('.xterm').click();
  await page.keyboard.type('cd networkproject/docker');
  await page.keyboard.press('Enter');
  await page.keyboard.type('docker compose up --build');
  await page.evaluate(() => {
    const tasks: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
    (window as unknown as { benchTasks: number[] }).benchTasks = tasks;
    (window as unknown as { benchStart: number }).benchStart = performance.now();
  });
  await page.keyboard.press('Enter');
  if (interrupt) await page.keyboard.press('Control+c');
  const transcript = () => terminal.evaluate((element) => (element as HTMLElement & { transcript(): Promise<string> }).transcript());
  const lastLine = interrupt ? /Container docker-db-1 {2}Stopped[\s\S]*\$$/ : /web-1 exited with code/;
  while (!lastLine.test(await transcript())) await page.waitForTimeout(20);
  const result = await page.evaluate(() => {
    const { benchTasks, benchStart } = window as unknown as { benchTasks: number[]; benchStart: number };
    return { elapsed: performance.now() - benchStart, longest: Math.max(0, ...benchTasks), longTasks: benchTasks.length };
  });
  await context.close();
  return result;
}

async function main(): Promise<void> {
  ensureBuilt();
  const lesson = firstLessonPath();
  const server = await serveDist();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const { before, added } = await measureLoad(browser, base, lesson);
    const sum = (scripts: Script[], key: 'bytes' | 'gzip') => scripts.reduce((total, script) => total + script[key], 0);
    console.log(`Lesson page ${lesson} (gzip -9 sizes)`);
    console.log(`  before the terminal is seen: ${kb(sum(before, 'gzip'))} gzip (${kb(sum(before, 'bytes'))}) in ${before.length} script(s)`);
    for (const script of before) console.log(`    ${chunkName(script.url).padEnd(44)} ${kb(script.gzip).padStart(9)} gzip ${kb(script.bytes).padStart(10)}`);
    console.log(`  added when it starts:        ${kb(sum(added, 'gzip'))} gzip (${kb(sum(added, 'bytes'))}) in ${added.length} chunk(s)`);
    for (const script of added) console.log(`    ${chunkName(script.url).padEnd(44)} ${kb(script.gzip).padStart(9)} gzip ${kb(script.bytes).padStart(10)}`);
    console.log(`  total once the terminal runs: ${kb(sum(before, 'gzip') + sum(added, 'gzip'))} gzip`);

    for (const slowdown of [1, CPU_SLOWDOWN]) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) times.push(await measureReady(browser, base, lesson, slowdown));
      const label = slowdown === 1 ? 'Scroll into view → prompt' : `Same, CPU slowed ${slowdown}×`;
      console.log(`${label}: median ${median(times).toFixed(0)} ms over ${RUNS} runs (${times.map((time) => time.toFixed(0)).join(', ')} ms)`);
    }

    for (const interrupt of [false, true]) {
      const playback = await measureComposePlayback(browser, base, lesson, interrupt);
      const what = interrupt ? 'with Ctrl+C at once: prompt back after' : 'played: last line after';
      console.log(
        `docker compose up --build (flask-postgres) ${what} ${(playback.elapsed / 1000).toFixed(2)} s; ` +
          `longest main-thread task ${playback.longest.toFixed(0)} ms; ${playback.longTasks} task(s) over 50 ms`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
