// The H5 app's cost on a phone: bytes transferred and time to interactive at 360×640 with 4×
// CPU throttling (CDP Emulation.setCPUThrottlingRate), cold cache, median of 5 runs.
//   node bench/h5/run.mjs [--runs 5] [--rate 4]
// Needs the stub (HAOBAN_BIN, default build/native-release/server-stub/haoban), the wasm
// package in wasm/package/dist and the app build in app-mobile/dist (scripts/build.sh).
// "Interactive" is the app's own performance mark 'haoban:interactive': the frame after the
// core is compiled, the catalogue loaded into it and the home screen rendered. Bytes are the
// encoded (on-the-wire) sizes reported by CDP Network.loadingFinished, so brotli where the
// server sent brotli. Targets (issue #8): ≤ 1 MB transferred, ≤ 2 s.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ensureAppBuilt } from '../../tests/e2e/app-harness.mjs';
import { CHROMIUM, CHROMIUM_FLAGS, repoRoot, startStub } from '../../tests/e2e/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const RATE = arg('rate', 4);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function once(chromium, url) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'haoban-bench-h5-'));
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
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    const bytes = new Map();
    const urls = new Map();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
    await page.goto(url);
    const interactive = await page.waitForFunction(
      () => performance.getEntriesByName('haoban:interactive')[0]?.startTime,
      null,
      { timeout: 120000, polling: 50 },
    );
    const tti = await interactive.jsonValue();
    // Where the time went: the app's marks on the way (ms since navigation start).
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('haoban:', ''), Math.round(m.startTime)])),
    );
    await page.waitForLoadState('networkidle');
    const perFile = {};
    for (const [id, size] of bytes) perFile[new URL(urls.get(id) ?? 'about:blank').pathname] = size;
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    return { tti, total, perFile, marks };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

ensureAppBuilt();
const { chromium } = await import('playwright-core');
const coreDir = process.env.HAOBAN_E2E_CORE_DIR ? ['--core-dir', process.env.HAOBAN_E2E_CORE_DIR] : [];
const stub = await startStub({ extraArgs: ['--app-dir', path.join(repoRoot, 'app-mobile/dist'), ...coreDir] });
try {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await once(chromium, stub.url);
    runs.push(run);
    console.log(`run ${i + 1}: interactive ${run.tti.toFixed(0)} ms, ${run.total} bytes; marks ${JSON.stringify(run.marks)}`);
  }
  const tti = median(runs.map((r) => r.tti));
  const total = median(runs.map((r) => r.total));
  console.log('\nper file (last run, bytes on the wire):');
  for (const [file, size] of Object.entries(runs.at(-1).perFile).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(size).padStart(9)}  ${file}`);
  }
  console.log(`\nmedian of ${RUNS}, 360×640, CPU ${RATE}× slower: interactive ${tti.toFixed(0)} ms (target ≤ 2000), ` +
    `transferred ${(total / 1024).toFixed(1)} KiB (target ≤ 1024 KiB)`);
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
} finally {
  await stub.stop();
}
