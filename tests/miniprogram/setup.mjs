// Shared by the mini-program tests: build the package's core once (scripts/build.mjs), start the
// real stub from HAOBAN_BIN (tests/e2e/harness.mjs), and launch the mini-program in the
// simulated runtime (wx-sim.mjs) pointed at it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStub } from '../e2e/harness.mjs';
import { MiniProgram, WxStorage } from './wx-sim.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const shellDir = path.join(repoRoot, 'shell/miniprogram');
export const packageRoot = path.join(shellDir, 'miniprogram');

let built = false;
export function ensureBuilt() {
  if (built) return;
  execFileSync(process.execPath, [path.join(shellDir, 'scripts/build.mjs')], { stdio: ['ignore', 'inherit', 'inherit'] });
  built = true;
}

export { startStub, MiniProgram, WxStorage };

// Launches the app against the stub; resolves once the first page has loaded.
export async function launch(stub, { storage } = {}) {
  const mp = new MiniProgram({ packageRoot, apiBase: stub.url.replace(/\/+$/, ''), storage });
  mp.launch();
  await mp.idle();
  return mp;
}

// Logs in from the login page by tapping the identity, and lands on the home page.
export async function loginAs(mp, identityId) {
  if (mp.current().route !== 'pages/login/login') throw new Error(`not on the login page: ${mp.current().route}`);
  await mp.fire('onLogin', { dataset: { id: identityId } });
  await mp.idle();
  return mp.current();
}

// Every field view of a form page's data, group row cells included, by path.
export function fieldsOf(page) {
  const out = new Map();
  for (const p of page.data.pages || []) {
    for (const f of p.fields) {
      out.set(f.path, f);
      for (const row of f.rows || []) for (const cell of row.fields) out.set(cell.path, cell);
    }
  }
  return out;
}

export function field(page, fieldPath) {
  const f = fieldsOf(page).get(fieldPath);
  if (!f) throw new Error(`no visible field ${fieldPath} on ${page.route}`);
  return f;
}

// Types into / picks from a field the way its control reports (see templates/field.wxml).
export async function setField(mp, fieldPath, value) {
  const f = field(mp.current(), fieldPath);
  let detail = value;
  if (f.type === 'select') detail = String(f.options.findIndex((o) => o.code === value));
  if (f.type === 'agreement') detail = value ? ['yes'] : [];
  return mp.fire('onFieldChange', { dataset: { path: fieldPath }, value: detail });
}

export async function fillAll(mp, values) {
  for (const [p, v] of Object.entries(values)) await setField(mp, p, v);
}
