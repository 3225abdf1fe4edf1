// Shared by the wasm package's browser tests (wasm-*.test.mjs): a throw-away --app-dir holding
// tiny test pages, served by the real `haoban serve` next to the real package at /core/, and a
// phone whose console errors and CSP violations are collected.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { launchPhone, repoRoot, startStub } from './harness.mjs';

// files: {name: text}. Every page gets the sample catalogue as /catalog.json.
export async function servePages(files) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'haoban-wasm-pages-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>wasm tests</title>');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  await copyFile(path.join(repoRoot, 'data/catalog/guangzhou.json'), path.join(dir, 'catalog.json'));
  const stub = await startStub({ extraArgs: ['--app-dir', dir] });
  return {
    url: stub.url,
    stub,
    async stop() {
      const exit = await stub.stop();
      await rm(dir, { recursive: true, force: true });
      return exit;
    },
  };
}

export async function openPhone() {
  const phone = await launchPhone();
  const problems = [];
  const page = await phone.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { phone, page, problems };
}

// Counts how the page instantiates wasm: streaming (from the fetch Response) or from bytes.
export const COUNT_INSTANTIATION = `
  window.__wasm = { streaming: 0, fromBytes: 0, contentTypes: [] };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async function (source, imports) {
    window.__wasm.streaming++;
    const response = await source;
    window.__wasm.contentTypes.push(response.headers.get('content-type'));
    return streaming.call(this, response, imports);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (bytes, imports) {
    if (!(bytes instanceof WebAssembly.Module)) window.__wasm.fromBytes++;
    return instantiate.call(this, bytes, imports);
  };
`;
