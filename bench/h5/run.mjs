// The H5 app's cost on a phone: bytes transferred and time to interactive at 360×640 with 4×
// CPU throttling (CDP Emulation.setCPUThrottlingRate), median of 5 runs. Each run is a fresh
// profile (cold: empty HTTP cache, no service worker): the first visit; then what the service
// worker fetches to precache after it; then a second visit in the same profile.
//   node bench/h5/run.mjs [--runs 5] [--rate 4] [--app-dir DIR]
// Needs the stub (HAOBAN_BIN, default build/native-release/server-stub/haoban), the wasm
// package in wasm/package/dist and the app build in app-mobile/dist (scripts/build.sh).
// "Interactive" is the app's own performance mark 'haoban:interactive': the frame after the
// core is compiled, the catalogue loaded into it and the home screen rendered. Bytes are the
// encoded (on-the-wire) sizes reported by CDP Network.loadingFinished, so brotli where the
// server sent brotli. Targets (issue #8): ≤ 1 MB transferred, ≤ 2 s.
// Throttling slows the page relative to the host, so the last lines give the host's speed
// (phone.mjs hostSpeed): compare runs on different machines by it, or pass --rate higher to
// stand in for a slower host.
import os from 'node:os';

import {
  hostSpeed, interactiveReported, launchReportingPhone, median, option, startAppStub, throttledPage,
} from './phone.mjs';

const RUNS = Number(option('runs') ?? 5);
const RATE = Number(option('rate') ?? 4);

async function once(url) {
  const phone = await launchReportingPhone();
  const { context } = phone;
  try {
    const { page, cdp } = await throttledPage(context, RATE);
    let bytes = new Map();
    const urls = new Map();
    // A response the worker answered is counted where the worker fetched it (below), if it did.
    const fromWorker = new Set();
    // Requests the page's CDP session finished, by URL (to tell the dedicated workers' apart).
    let pageSeen = new Map();
    cdp.on('Network.responseReceived', (e) => {
      urls.set(e.requestId, e.response.url);
      if (e.response.fromServiceWorker) fromWorker.add(e.requestId);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId);
      if (url) pageSeen.set(url, (pageSeen.get(url) ?? 0) + 1);
      if (!fromWorker.has(e.requestId)) bytes.set(e.requestId, e.encodedDataLength);
    });
    // The service worker's own fetches (precache, and network-first refreshes), from its
    // requests as Playwright reports them for the context (Chromium), encoded body + headers.
    // A dedicated worker's fetches (index.html's boot worker downloads the wasm core and the
    // catalogue) never reach the page's CDP session, but Playwright reports them with the
    // page's requests: those beyond the CDP session's count for their URL are counted the same
    // way (encoded body + headers), unless the service worker answered them (counted there).
    const workerFetches = [];
    let pageRequests = [];
    context.on('requestfinished', (request) => {
      if (request.serviceWorker()) workerFetches.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      else if (/^https?:/.test(request.url())) pageRequests.push(request);
    });
    // The dedicated workers' requests of one visit: [{url, size}].
    const dedicatedWorkerFetches = async () => {
      const seen = new Map(pageSeen);
      const found = [];
      for (const request of pageRequests.splice(0)) {
        const left = seen.get(request.url()) ?? 0;
        if (left > 0) {
          seen.set(request.url(), left - 1);
          continue;
        }
        if ((await request.response())?.fromServiceWorker()) continue;
        const s = await request.sizes();
        found.push({ url: request.url(), size: s.responseBodySize + s.responseHeadersSize });
      }
      pageSeen = new Map();
      return found;
    };
    const visit = async (navigate) => {
      const reported = interactiveReported(page);
      await navigate();
      await reported;
      const tti = await page.evaluate(() => performance.getEntriesByName('haoban:interactive')[0].startTime);
      // Where the time went: the app's marks on the way (ms since navigation start).
      const marks = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('haoban:', ''), Math.round(m.startTime)])),
      );
      return { tti, marks };
    };
    const first = await visit(() => page.goto(url));
    await page.waitForLoadState('networkidle');
    const perFile = {};
    for (const [id, size] of bytes) perFile[new URL(urls.get(id) ?? 'about:blank').pathname] = size;
    const fromWorkers = await dedicatedWorkerFetches();
    for (const { url, size } of fromWorkers) perFile[`${new URL(url).pathname} (worker)`] = size;
    const total = [...bytes.values(), ...fromWorkers.map((f) => f.size)].reduce((a, b) => a + b, 0);
    // After the first visit: the worker installs and precaches (the app registers it once interactive).
    // (An app without a service worker: nothing to wait for, and the second visit downloads all again.)
    if (await page.evaluate(() => fetch('/sw.js').then((r) => r.ok))) {
      await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', null, { timeout: 120000 });
    }
    const precache = (await Promise.all(workerFetches.splice(0))).reduce((a, b) => a + b, 0);
    // The second visit, served by the worker (page and core network first, hashed assets from its cache).
    bytes = new Map();
    const second = await visit(() => page.reload());
    await page.waitForLoadState('networkidle');
    const secondBytes = [...bytes.values(), ...(await dedicatedWorkerFetches()).map((f) => f.size)].reduce((a, b) => a + b, 0) +
      (await Promise.all(workerFetches.splice(0))).reduce((a, b) => a + b, 0);
    return { tti: first.tti, total, perFile, marks: first.marks, precache, secondTti: second.tti, secondBytes };
  } finally {
    await phone.close();
  }
}

const stub = await startAppStub();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await once(stub.url);
    runs.push(run);
    console.log(
      `run ${i + 1}: interactive ${run.tti.toFixed(0)} ms, ${run.total} bytes; marks ${JSON.stringify(run.marks)}; ` +
        `service worker precache ${run.precache} bytes; second visit interactive ${run.secondTti.toFixed(0)} ms, ${run.secondBytes} bytes`,
    );
  }
  const tti = median(runs.map((r) => r.tti));
  const total = median(runs.map((r) => r.total));
  console.log('\nper file (last run, bytes on the wire):');
  for (const [file, size] of Object.entries(runs.at(-1).perFile).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(size).padStart(9)}  ${file}`);
  }
  console.log(`\nmedian of ${RUNS}, 360×640, CPU ${RATE}× slower: interactive ${tti.toFixed(0)} ms (target ≤ 2000), ` +
    `transferred ${(total / 1024).toFixed(1)} KiB (target ≤ 1024 KiB)`);
  console.log(`after the first visit, the service worker fetched ${(median(runs.map((r) => r.precache)) / 1024).toFixed(1)} KiB to precache; ` +
    `second visit: interactive ${median(runs.map((r) => r.secondTti)).toFixed(0)} ms, ${(median(runs.map((r) => r.secondBytes)) / 1024).toFixed(1)} KiB on the wire`);
  // After the runs, so that it does not warm anything up for them.
  const speed = await hostSpeed(stub.url);
  console.log(`host speed (unthrottled, median of 5; lower is faster): JS workload ${speed.js.toFixed(0)} ms, ` +
    `core wasm compile ${speed.wasm.toFixed(1)} ms`);
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
} finally {
  await stub.stop();
}
