// What bench/h5's runners share: the H5 app served by a fresh stub, and Debian's Chromium as a
// phone (360×640, DPR 2, touch, zh-CN) with its CPU slowed down through CDP, and the app's
// 'haoban:interactive' mark reported without polling the page.
import path from 'node:path';

import { ensureAppBuilt } from '../../tests/e2e/app-harness.mjs';
import { launchPhone, repoRoot, startStub } from '../../tests/e2e/harness.mjs';

// The median of numbers (the mean of the middle two for an even count).
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// The value after --name on the command line, or undefined.
export const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

// Starts the stub on the app build: --app-dir DIR (another build, e.g. an earlier commit's, for a
// before/after run) or app-mobile/dist, built first if stale. HAOBAN_E2E_CORE_DIR serves another
// built wasm package at /core/.
export async function startAppStub() {
  const appDir = option('app-dir') ? path.resolve(option('app-dir')) : path.join(repoRoot, 'app-mobile/dist');
  if (!option('app-dir')) ensureAppBuilt();
  const coreDir = process.env.HAOBAN_E2E_CORE_DIR ? ['--core-dir', process.env.HAOBAN_E2E_CORE_DIR] : [];
  return startStub({ extraArgs: ['--app-dir', appDir, ...coreDir] });
}

// The e2e tests' phone (a fresh profile, closed and removed by close()), with the app's mark
// reported by a PerformanceObserver as a console message, so nothing runs in the page while it
// loads: polling with waitForFunction (every 50 ms, plus Playwright's injected script) took
// 0.3–0.5 s of the throttled main thread before the mark.
export async function launchReportingPhone() {
  const phone = await launchPhone();
  await phone.context.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'haoban:interactive') console.debug('haoban:interactive');
    }).observe({ type: 'mark' });
  });
  return phone;
}

// A page of the context and its CDP session, with the network domain on and the CPU `rate`
// times slower.
export async function throttledPage(context, rate) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp };
}

// Resolves when the page next reports the mark (call before navigating).
export const interactiveReported = (page) =>
  page.waitForEvent('console', { predicate: (m) => m.text() === 'haoban:interactive', timeout: 120000 });

// How fast this host is, so that runs on different machines can be compared: CDP throttling
// slows the page relative to the host, so the same build measured 0.9 s here on one machine and
// 1.9 s on another. Runs a fixed JavaScript workload (build, serialise, parse and sort 50,000
// records) and compiles the core's wasm in an unthrottled page of a fresh phone, `times` times;
// returns the medians in ms (lower is faster).
export async function hostSpeed(url, times = 5) {
  const phone = await launchPhone();
  try {
    const page = await phone.context.newPage();
    await page.goto(new URL('/healthz', url).href);
    const js = [];
    const wasm = [];
    const status = await page.evaluate(async () => {
      const response = await fetch('/core/dist/haoban-core.wasm');
      globalThis.coreBytes = await response.arrayBuffer();
      return response.status;
    });
    if (status !== 200) throw new Error(`hostSpeed: /core/dist/haoban-core.wasm answered ${status}`);
    for (let i = 0; i < times; i += 1) {
      js.push(await page.evaluate(() => {
        const start = performance.now();
        let seed = 1;
        const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff);
        const rows = Array.from({ length: 50000 }, (_, id) => ({ id, name: `item${next().toString(36)}`, value: next() % 1000 }));
        const parsed = JSON.parse(JSON.stringify(rows));
        parsed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
        let hash = 0;
        for (const row of parsed) hash = (Math.imul(hash, 31) + row.value) | 0;
        if (hash === 0) throw new Error('hostSpeed: the workload was optimised away');
        return performance.now() - start;
      }));
      wasm.push(await page.evaluate(async () => {
        const start = performance.now();
        await WebAssembly.compile(globalThis.coreBytes);
        return performance.now() - start;
      }));
    }
    return { js: median(js), wasm: median(wasm) };
  } finally {
    await phone.close();
  }
}
