// The web build of the workbench (ImGui on WebGL2, compiled with Emscripten) in headless
// Chromium on SwiftShader: the canvas draws (not blank), a catalogue item opens, and text from
// the input-method bridge — a CompositionEvent as a pinyin IME commits it, and plain inserted
// text — reaches a form field, read back through the page's exported state function.
//
// Needs the web build: `ninja -C build/wasm-release haoban_workbench_web` (scripts/build.sh
// builds it), or HAOBAN_WORKBENCH_WEB_DIR pointing at the folder with haoban-workbench.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, repoRoot, resultsDir } from './harness.mjs';

const webDir = process.env.HAOBAN_WORKBENCH_WEB_DIR ??
    path.join(repoRoot, 'build/wasm-release/shell/workbench');
const page_html = path.join(webDir, 'haoban-workbench.html');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

// Static files of the build folder, from 127.0.0.1 (never file://).
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname);
    const type = TYPES[path.extname(name)];
    if (!type) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(path.join(dir, name));
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// Counts the pixels of a PNG screenshot that differ from the page background, decoding it in
// the browser (no image library in Node).
async function nonBackgroundPixels(page, png) {
  return page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let count = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 30) count++;
      if (colours.size < 1000) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { count, colours: colours.size, total: data.length / 4 };
  }, 'data:image/png;base64,' + png.toString('base64'));
}

async function state(page) {
  return page.evaluate(() => window.haobanWorkbenchState());
}

async function clickWidget(page, name) {
  const rect = (await state(page)).widgets[name];
  assert.ok(rect, `widget ${name} not drawn`);
  await page.mouse.click((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2);
}

test('web workbench: WebGL2 canvas draws, an item opens, IME text reaches a field', {
  skip: existsSync(page_html) ? false : `no web build at ${page_html}`,
  timeout: 120000,
}, async () => {
  const { chromium } = await import('playwright-core');
  const server = await serve(webDir);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'haoban-e2e-workbench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // WebGL2 on SwiftShader (no --disable-gpu, which would turn WebGL off).
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1024, height: 768 },
    locale: 'zh-CN',
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}haoban-workbench.html?today=2026-11-27&item=gz-residence-permit`);
    await page.waitForFunction(() => window.haobanWorkbenchReady === true, null, { timeout: 60000 });
    await page.waitForFunction(() => window.haobanWorkbenchState().widgets['page:4'] !== undefined);

    const opened = await state(page);
    assert.equal(opened.catalogLoaded, true);
    assert.equal(opened.openItem, 'gz-residence-permit');
    assert.equal(opened.answers.applicantName, '李明', 'prefilled from the first 自然人 profile');

    // Page 5 (材料与确认), then the empty 数码相片回执号 text field.
    await clickWidget(page, 'page:4');
    await page.waitForFunction(() => window.haobanWorkbenchState().widgets['field:photoReceiptNo']);
    await clickWidget(page, 'field:photoReceiptNo');
    await page.waitForFunction(() => window.haobanWorkbenchState().editing === 'photoReceiptNo');
    // The bridge gives the hidden textarea the focus once ImGui wants text.
    await page.waitForFunction(() => document.activeElement?.id === 'ime');

    // A pinyin IME: composition events, then the committed text.
    await page.evaluate(() => {
      const ime = document.getElementById('ime');
      ime.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      ime.value = 'yuesui';
      ime.dispatchEvent(new InputEvent('input', { data: 'yuesui', inputType: 'insertCompositionText', isComposing: true }));
      ime.value = '粤穗';
      ime.dispatchEvent(new CompositionEvent('compositionend', { data: '粤穗' }));
    });
    // Plain typing goes through the same textarea (CDP Input.insertText: an input event).
    await page.keyboard.insertText('GZ2026');
    await page.waitForFunction(
        () => window.haobanWorkbenchState().answers?.photoReceiptNo === '粤穗GZ2026', null,
        { timeout: 10000 }).catch(async () => {
      assert.fail('typed text did not reach the field: ' + JSON.stringify((await state(page)).answers));
    });
    const typed = await state(page);
    assert.equal(typed.editingText, '粤穗GZ2026');
    assert.equal(typed.answers.photoReceiptNo, '粤穗GZ2026', 'no character doubled or lost');

    await mkdir(resultsDir, { recursive: true });
    const file = path.join(resultsDir, 'workbench-web.png');
    const png = await page.screenshot({ path: file });
    const pixels = await nonBackgroundPixels(page, png);
    // A drawn workbench: a good share of the canvas is text, frames and widgets, in many
    // colours (a blank or single-colour canvas fails).
    assert.ok(pixels.count > pixels.total * 0.03, `canvas nearly blank: ${JSON.stringify(pixels)}`);
    assert.ok(pixels.colours > 20, `too few colours: ${JSON.stringify(pixels)}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    server.close();
  }
});
