// Shared by the browser tests: start the real `haoban serve` on a free port, and launch
// Debian's Chromium headless through playwright-core with a fresh profile.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = path.join(repoRoot, 'test-results');

export const CHROMIUM = process.env.HAOBAN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function stubBinary() {
  const bin = process.env.HAOBAN_BIN ?? path.join(repoRoot, 'build/native-release/server-stub/haoban');
  if (!existsSync(bin)) {
    throw new Error(`haoban binary not found at ${bin}: build native-release first, or set HAOBAN_BIN`);
  }
  return bin;
}

// Starts `haoban serve --port 0` from the repository root (so the default --app-dir, --core-dir
// and --catalog are the real ones) with a throw-away data dir and any extraArgs. Resolves once the stub has
// printed its URL. stop() sends SIGTERM and resolves with the exit code.
export async function startStub({ timeoutMs = 15000, extraArgs = [] } = {}) {
  const bin = stubBinary();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'haoban-e2e-data-'));
  const child = spawn(bin, ['serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-8192);  // the access log can grow; keep the tail
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`haoban serve printed no URL within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^haoban: serving (http:\/\/\S+\/)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`haoban serve exited early (code ${code}, signal ${signal})\n${stderr}`));
    });
  });

  let stopped = null;
  return {
    url,
    dataDir,
    stderr: () => stderr,
    stop() {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const result = await Promise.race([
          exited,
          new Promise((resolve) => setTimeout(() => resolve({ code: null, signal: 'timeout' }), 10000)),
        ]);
        if (result.signal === 'timeout') {
          child.kill('SIGKILL');
          await exited;
        }
        await rm(dataDir, { recursive: true, force: true });
        return result;
      })();
      return stopped;
    },
  };
}

// A headless Chromium context with a fresh user-data-dir, sized like a small phone.
export async function launchPhone() {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'haoban-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
