// Sizes of the mini-program's packages, as WeChat splits them: every subpackage root named in
// app.json is its own package, everything else under the package root is the main package.
// Sizes are the sum of the files' bytes (the .wasm.br counted compressed, as it ships).
// WeChat's own count is of the compiled package, which it builds from these same files; the
// limit it enforces is 2 MB per package (see ../README.md for what this cannot verify).
import fs from 'node:fs';
import path from 'node:path';

export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export function subpackageRoots(packageRoot) {
  const app = JSON.parse(fs.readFileSync(path.join(packageRoot, 'app.json'), 'utf8'));
  const subs = app.subpackages ?? app.subPackages ?? [];
  return subs.map((s) => s.root.replace(/\/+$/, ''));
}

// [{name: "main" | "<root>", bytes, files}]
export function packageSizes(packageRoot) {
  const roots = subpackageRoots(packageRoot);
  const totals = new Map([['main', { name: 'main', bytes: 0, files: 0 }]]);
  for (const root of roots) totals.set(root, { name: root, bytes: 0, files: 0 });
  for (const file of walk(packageRoot)) {
    const rel = path.relative(packageRoot, file).split(path.sep).join('/');
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main';
    const t = totals.get(owner);
    t.bytes += fs.statSync(file).size;
    t.files += 1;
  }
  return [...totals.values()];
}
