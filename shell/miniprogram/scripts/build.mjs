#!/usr/bin/env node
// Builds the mini-program's copy of the core into shell/miniprogram/miniprogram/core/ (git-ignored):
//
//   haoban-core.js        the Emscripten glue, CommonJS, wrapped so that it sees a WebAssembly
//                         object made from WXWebAssembly (a mini-program has no WebAssembly global)
//   haoban-core.wasm.br   the module, brotli-compressed: WXWebAssembly.instantiate reads .wasm.br
//   holidays.js           data/holidays/cn-mainland.json as a module (working-day deadlines)
//   build-info.js         where the core came from, and its sizes
//
// Where the core comes from, in order:
//   1. a mini-program flavour shipped by wasm/package (dist/miniprogram/haoban-core.js + .wasm[.br]),
//      when the wasm package provides one;
//   2. otherwise it is linked here with em++ from the objects of a wasm build directory
//      (HAOBAN_WASM_BUILD_DIR, default build/wasm-release, which CI builds before the tests).
// The browser flavour in wasm/package/dist cannot be used as it is: embind there builds its
// invokers with `new Function`, which a mini-program forbids. This link adds
// -sDYNAMIC_EXECUTION=0 (embind's eval-free path), -sENVIRONMENT=web (no node, no worker), and
// leaves out the SQLite store: drafts live in wx storage as JSON (see ../README.md).
//
// Then it checks the package sizes: the main package and each subpackage ≤ 2 MB (exit 1 if not).
//
//   node shell/miniprogram/scripts/build.mjs [--check-only] [--json]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { packageSizes, PACKAGE_LIMIT_BYTES } from './package-size.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shellDir = path.resolve(here, '..');
const repoRoot = path.resolve(shellDir, '../..');
const packageRoot = path.join(shellDir, 'miniprogram');
const outDir = path.join(packageRoot, 'core');

const args = new Set(process.argv.slice(2));

// Every binding object of the wasm build but these two: store_bindings (SQLite) and
// version_bindings (which reports SQLite's version and so pulls SQLite in), ~60% of the size.
const LEFT_OUT = ['store_bindings.cpp.o', 'version_bindings.cpp.o'];
const REQUIRED = ['catalog_bindings', 'check_bindings', 'form_bindings', 'ids_bindings'];

const LINK_FLAGS = [
  '-fwasm-exceptions',
  '-Os',
  '-lembind',
  '-sMODULARIZE=1',
  '-sEXPORT_NAME=createHaobanCore',
  '-sALLOW_MEMORY_GROWTH=1',
  '-sENVIRONMENT=web',
  '-sDYNAMIC_EXECUTION=0',
  '-sFILESYSTEM=0',
];

function log(message) {
  if (!args.has('--json')) console.log(`miniprogram build: ${message}`);
}

function fromPackage() {
  const dir = path.join(repoRoot, 'wasm/package/dist/miniprogram');
  const glue = path.join(dir, 'haoban-core.js');
  const wasm = ['haoban-core.wasm.br', 'haoban-core.wasm'].map((f) => path.join(dir, f)).find(fs.existsSync);
  if (!fs.existsSync(glue) || !wasm) return null;
  return { glue: fs.readFileSync(glue, 'utf8'), wasm: fs.readFileSync(wasm), compressed: wasm.endsWith('.br'), source: `wasm/package/dist/miniprogram` };
}

function linkHere() {
  const buildDir = path.resolve(repoRoot, process.env.HAOBAN_WASM_BUILD_DIR ?? 'build/wasm-release');
  const objectDir = path.join(buildDir, 'wasm/CMakeFiles/haoban_wasm_bindings.dir/bindings');
  const objects = fs.existsSync(objectDir)
    ? fs.readdirSync(objectDir).filter((f) => f.endsWith('.cpp.o') && !LEFT_OUT.includes(f)).sort().map((f) => path.join(objectDir, f))
    : [];
  const libs = [path.join(buildDir, 'core/libhaoban_core.a')];
  const missing = [...REQUIRED.map((b) => path.join(objectDir, `${b}.cpp.o`)), ...libs].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(
      `the wasm objects are not built in ${buildDir} (missing ${missing.map((m) => path.relative(repoRoot, m)).join(', ')}).\n` +
        `Build them with: NODE_PATH=/usr/share/nodejs ninja -C ${path.relative(repoRoot, buildDir)} -j2 haoban_wasm_bindings haoban_core`,
    );
  }
  const linkDir = path.join(repoRoot, 'build/miniprogram-core');
  fs.mkdirSync(linkDir, { recursive: true });
  const out = path.join(linkDir, 'haoban-core.js');
  // Re-link only when an input is newer than the output (a link with wasm-opt takes a while).
  const newest = Math.max(...[...objects, ...libs, fileURLToPath(import.meta.url)].map((f) => fs.statSync(f).mtimeMs));
  const fresh = fs.existsSync(out) && fs.existsSync(out.replace(/\.js$/, '.wasm')) && fs.statSync(out).mtimeMs >= newest;
  if (!fresh) {
    log(`linking with em++ from ${path.relative(repoRoot, buildDir)}`);
    execFileSync('em++', [...LINK_FLAGS, ...objects, ...libs, '-o', out], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' },
    });
  } else {
    log('linked core is up to date');
  }
  return {
    glue: fs.readFileSync(out, 'utf8'),
    wasm: fs.readFileSync(out.replace(/\.js$/, '.wasm')),
    compressed: false,
    source: `linked from ${path.relative(repoRoot, buildDir)}`,
  };
}

// The glue declares `var createHaobanCore` and exports it itself; inside this wrapper it
// exports nothing (module/exports/define are shadowed) and is handed the WebAssembly object.
function wrapGlue(glue) {
  for (const forbidden of [/\bnew Function\s*\(/, /[^.\w]eval\s*\(/]) {
    if (forbidden.test(glue)) throw new Error(`the core's glue uses ${forbidden}: not allowed in a mini-program`);
  }
  return [
    '// Generated by shell/miniprogram/scripts/build.mjs from the Emscripten glue. Do not edit.',
    '// factory(WebAssemblyLike) -> createHaobanCore(moduleArgs) -> Promise<Module>',
    'function haobanCoreFactory(WebAssembly) {',
    '  var module = undefined, exports = undefined, define = undefined;',
    glue,
    '  return createHaobanCore;',
    '}',
    'module.exports = haobanCoreFactory;',
    '',
  ].join('\n');
}

function writeIfChanged(file, content) {
  if (fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), Buffer.from(content)) === 0) return;
  fs.writeFileSync(file, content);
}

function build() {
  const core = fromPackage() ?? linkHere();
  fs.mkdirSync(outDir, { recursive: true });
  writeIfChanged(path.join(outDir, 'haoban-core.js'), wrapGlue(core.glue));
  const raw = core.compressed ? zlib.brotliDecompressSync(core.wasm) : core.wasm;
  const br = core.compressed
    ? core.wasm
    : zlib.brotliCompressSync(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
  writeIfChanged(path.join(outDir, 'haoban-core.wasm.br'), br);
  const holidays = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/holidays/cn-mainland.json'), 'utf8'));
  writeIfChanged(
    path.join(outDir, 'holidays.js'),
    `// Generated from data/holidays/cn-mainland.json by scripts/build.mjs.\nmodule.exports = ${JSON.stringify(holidays)};\n`,
  );
  const info = {
    source: core.source,
    wasmBytes: raw.length,
    wasmBrotliBytes: br.length,
    wasmSha256: createHash('sha256').update(raw).digest('hex'),
  };
  writeIfChanged(
    path.join(outDir, 'build-info.js'),
    `// Generated by scripts/build.mjs.\nmodule.exports = ${JSON.stringify(info, null, 2)};\n`,
  );
  log(`core from ${info.source}: wasm ${info.wasmBytes} B, brotli ${info.wasmBrotliBytes} B`);
  return info;
}

// Test files run in parallel and each builds first: one build at a time, the others wait and
// then find the linked core up to date. The lock holds its owner's pid: a lock whose owner is
// gone (a killed run) is taken over at once, one older than 15 minutes in any case.
function lockOwnerGone(lock) {
  try {
    const age = Date.now() - fs.statSync(lock).mtimeMs;
    const pidFile = path.join(lock, 'pid');
    if (!fs.existsSync(pidFile)) return age > 5000; // its owner may be writing the pid right now
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    if (!pid) return age > 5000;
    process.kill(pid, 0); // throws ESRCH when the owner is gone
    return age > 15 * 60 * 1000;
  } catch (e) {
    return e.code === 'ESRCH' || e.code === 'ENOENT';
  }
}

function withLock(fn) {
  const lock = path.join(repoRoot, 'build/miniprogram-core.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 20 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (lockOwnerGone(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const info = args.has('--check-only') ? null : withLock(build);
const sizes = packageSizes(packageRoot);
if (args.has('--json')) {
  console.log(JSON.stringify({ core: info, packages: sizes }, null, 2));
} else {
  for (const p of sizes) {
    log(`${p.name.padEnd(22)} ${String(p.bytes).padStart(9)} B  ${p.files} files  ${p.bytes <= PACKAGE_LIMIT_BYTES ? 'ok' : 'OVER 2 MB'}`);
  }
}
if (sizes.some((p) => p.bytes > PACKAGE_LIMIT_BYTES)) process.exit(1);
