// Where the first visit's time goes: one cold load of the H5 app at 360×640 with 4× CPU
// throttling, printing the network waterfall (request sent → response headers → finished,
// ms since navigation start), the app's performance marks, and the main thread's busiest
// tasks from a CDP trace (script evaluation, wasm compile, parse, style, layout).
//   node bench/h5/waterfall.mjs [--rate 4] [--app-dir DIR] [--trace FILE.json [--profile]] [--shot FILE.png]
// Same stub, browser and settings as run.mjs (HAOBAN_E2E_CORE_DIR too); one run, for reading,
// not for a median. TRACE_CATEGORIES overrides the trace categories ('*' for everything).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';

import { interactiveReported, launchReportingPhone, option, startAppStub, throttledPage } from './phone.mjs';

const RATE = Number(option('rate') ?? 4);
const TRACE = option('trace');
// --profile: also a sampled CPU profile of the page (JS and wasm functions by self time); it
// slows the page down, so the times are then longer than without it.
const PROFILE = process.argv.includes('--profile');

const stub = await startAppStub();
const phone = await launchReportingPhone();
try {
  const { page, cdp } = await throttledPage(phone.context, RATE);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, {
    url: new URL(e.request.url).pathname, href: e.request.url, sent: e.wallTime * 1000, ts: e.timestamp, initiator: e.initiator.type,
    priority: e.request.initialPriority,
  }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { headers: e.timestamp, type: e.response.headers['content-type'] ?? e.response.headers['Content-Type'], status: e.response.status });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { finished: e.timestamp, bytes: e.encodedDataLength });
  });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: process.env.TRACE_CATEGORIES ?? 'devtools.timeline,v8,v8.wasm,blink.user_timing,loading,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  // A dedicated worker's requests (index.html's boot worker: the wasm core, the catalogue) do
  // not reach the page's CDP session; Playwright reports them with the page's.
  const finished = [];
  page.on('requestfinished', (request) => finished.push(request));
  const reported = interactiveReported(page);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(stub.url);
  await reported;
  const cpu = PROFILE ? (await cdp.send('Profiler.stop')).profile : null;
  // --shot FILE.png: what the phone shows once interactive (the home screen, not a spinner).
  if (option('shot')) await page.screenshot({ path: option('shot') });
  const timing = await page.evaluate(() => ({
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('haoban:', ''), Math.round(m.startTime)])),
    resources: performance.getEntriesByType('resource').map((r) => ({
      url: new URL(r.name).pathname, start: Math.round(r.startTime), end: Math.round(r.responseEnd), kind: r.initiatorType,
    })),
    nav: performance.getEntriesByType('navigation')[0].toJSON(),
    origin: performance.timeOrigin,
  }));
  await page.waitForTimeout(500);
  await cdp.send('Tracing.end');
  await traced;
  if (TRACE) {
    await writeFile(TRACE, JSON.stringify({ traceEvents: events }));
    if (cpu) await writeFile(TRACE.replace(/(\.json)?$/, '.cpuprofile'), JSON.stringify(cpu));
  }

  // Navigation start in CDP's monotonic clock: the document request's timestamp.
  const all = [...requests.values()].sort((a, b) => a.ts - b.ts);
  const t0 = all[0].ts;
  const ms = (t) => (t === undefined ? '   -' : String(Math.round((t - t0) * 1000)).padStart(5));
  console.log('network (ms since the document request; sent / headers / finished, bytes, type):');
  for (const r of all) {
    console.log(`  ${ms(r.ts)} ${ms(r.headers)} ${ms(r.finished)}  ${String(r.bytes ?? '-').padStart(7)}  ${r.priority.padEnd(8)} ${r.initiator.padEnd(8)} ${r.url}  ${r.type ?? ''}`);
  }
  const pageSeen = new Map();
  for (const r of all) pageSeen.set(r.href, (pageSeen.get(r.href) ?? 0) + 1);
  const fromWorkers = [];
  for (const request of finished) {
    const left = pageSeen.get(request.url()) ?? 0;
    if (left > 0) pageSeen.set(request.url(), left - 1);
    else if (/^https?:/.test(request.url())) fromWorkers.push(request);
  }
  if (fromWorkers.length) {
    console.log('\nrequests of dedicated workers (Playwright\'s view: ms since navigation start; sent / headers / finished, body bytes):');
    for (const request of fromWorkers) {
      const t = request.timing();
      const at = (v) => (v < 0 ? '   -' : String(Math.round(t.startTime + v - timing.origin)).padStart(5));
      const sizes = await request.sizes();
      console.log(`  ${at(0)} ${at(t.responseStart)} ${at(t.responseEnd)}  ${String(sizes.responseBodySize).padStart(7)}  ${new URL(request.url()).pathname}`);
    }
  }
  console.log('\nresource timing (the page\'s view: start → responseEnd, initiator):');
  for (const r of timing.resources) console.log(`  ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)}  ${r.kind.padEnd(14)} ${r.url}`);
  console.log('\nmarks:', JSON.stringify(timing.marks));
  console.log(`navigation: responseEnd ${Math.round(timing.nav.responseEnd)}, domInteractive ${Math.round(timing.nav.domInteractive)}, ` +
    `DOMContentLoaded ${Math.round(timing.nav.domContentLoadedEventEnd)}, load ${Math.round(timing.nav.loadEventEnd)}`);

  // Main-thread work by kind, from the trace: top-level tasks' children summed by name.
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart' || (e.name === 'TracingStartedInBrowser'));
  const renderer = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
  const interesting = new Map();
  const details = [];
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    if (renderer && e.pid !== renderer) continue;
    const key = e.name;
    if (!['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback',
      'wasm.SyncCompile', 'wasm.StartStreamingCompilation', 'v8.wasm.compileLazy', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'RunMicrotasks', 'v8.run', 'TimerFire', 'FireAnimationFrame',
      'ResourceReceivedData', 'ParseAuthorStyleSheet', 'v8.parseOnBackground', 'v8.produceModuleCache', 'wasm.CompileLazy', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC', 'RunTask', 'ThreadControllerImpl::RunTask'].includes(key)) continue;
    const item = interesting.get(key) ?? { count: 0, dur: 0, tids: new Set() };
    item.count += 1; item.dur += e.dur / 1000; item.tids.add(e.tid);
    interesting.set(key, item);
    if (e.dur > 50000 && !key.includes('RunTask')) details.push({ name: key, start: e.ts, dur: e.dur / 1000, tid: e.tid, url: e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.url ?? '' });
  }
  console.log(`\ntrace: events by name (renderer pid ${renderer}; ms of wall time, incl. children):`);
  for (const [name, v] of [...interesting].sort((a, b) => b[1].dur - a[1].dur)) console.log(`  ${v.dur.toFixed(0).padStart(6)} ms  ${String(v.count).padStart(4)}×  ${name}  (threads ${[...v.tids].join(',')})`);
  const navTs = events.filter((e) => e.name === 'navigationStart' && (!renderer || e.pid === renderer)).map((e) => e.ts).sort((a, b) => b - a)[0];
  console.log(`\nlong events (> 50 ms), ms since navigationStart:`);
  for (const d of details.sort((a, b) => a.start - b.start)) console.log(`  ${((d.start - navTs) / 1000).toFixed(0).padStart(6)} +${d.dur.toFixed(0).padStart(5)}  tid ${d.tid}  ${d.name}  ${String(d.url).slice(-60)}`);
  // The renderer's main thread from navigation start to the mark: the sum of its tasks, in
  // wall time and in thread (CPU) time. The CPU time is the work itself, less sensitive to other
  // processes on a shared machine than any wall-clock time; with 4× throttling the thread is
  // held back for about three times its CPU time on top.
  const mainTid = events.find((e) => e.name === 'thread_name' && e.pid === renderer && e.args.name === 'CrRendererMain')?.tid;
  const markTs = events.find((e) => e.name === 'haoban:interactive' && e.pid === renderer)?.ts;
  let busy = 0;
  let cpuTime = 0;
  let lastEnd = 0;
  for (const e of events.filter((x) => x.pid === renderer && x.tid === mainTid && x.ph === 'X' && (x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask')).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < navTs || e.ts > markTs || e.ts < lastEnd) continue;
    busy += e.dur / 1000;
    cpuTime += (e.tdur ?? 0) / 1000;
    lastEnd = e.ts + e.dur;
  }
  console.log(`\nmain thread, navigation start → interactive (${((markTs - navTs) / 1000).toFixed(0)} ms): tasks ${busy.toFixed(0)} ms wall, ${cpuTime.toFixed(0)} ms CPU`);
  // The JS and wasm functions that used the main thread (self time, sampled), with --profile.
  if (cpu) {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map();
  cpu.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? new URL(f.url, stub.url).pathname : ''}`;
    self.set(key, (self.get(key) ?? 0) + (cpu.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const byFile = new Map();
  for (const [key, v] of self) {
    const file = key.split(' ').slice(1).join(' ') || key;
    byFile.set(file, (byFile.get(file) ?? 0) + v);
  }
  console.log('\nCPU profile, self time by file (ms):');
  for (const [file, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${v.toFixed(0).padStart(6)}  ${file}`);
  console.log('CPU profile, self time by function (ms):');
  for (const [key, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)}  ${key}`);
  }
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
} finally {
  await phone.close();
  await stub.stop();
}
