// Vite plugin: the module "virtual:guangdong-divisions", the 省/市/区 tree for the division
// picker, taken at build time from the core's own GB/T 2260 table
// (core/haoban/ids/divisions.cpp), so the picker offers exactly the codes the core knows.
// Historic codes (东山区, 萝岗区 …) are left out: they stay valid inside old ID numbers but are
// not chosen for new applications. @haoban/core has no call listing its divisions yet; when it
// has one, this becomes a run-time call.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const TABLE = fileURLToPath(new URL('../../core/haoban/ids/divisions.cpp', import.meta.url));
const ID = 'virtual:guangdong-divisions';
const PROVINCE = '44';

// Rows look like {"440105", "海珠区", kCurrent},
const ROW = /\{"(\d{6})",\s*"([^"]+)",\s*(kCurrent|kHistoric)\}/g;

export async function guangdongTree() {
  const source = await readFile(TABLE, 'utf8');
  const rows = [...source.matchAll(ROW)].filter(([, code, , kind]) => code.startsWith(PROVINCE) && kind === 'kCurrent');
  const province = rows.find(([, code]) => code === `${PROVINCE}0000`);
  if (!province || rows.length < 20) throw new Error(`${TABLE}: the Guangdong rows were not found (the table's format changed?)`);
  const cities = new Map();
  for (const [, code, name] of rows) {
    if (code.endsWith('0000')) continue;
    if (code.endsWith('00')) cities.set(code, { text: name, value: code, children: [] });
  }
  for (const [, code, name] of rows) {
    if (code.endsWith('00')) continue;
    const city = cities.get(`${code.slice(0, 4)}00`);
    if (city) city.children.push({ text: name, value: code });
  }
  // A city without districts (东莞, 中山: 不设区的地级市) is itself the last level.
  const children = [...cities.values()].map((city) => (city.children.length ? city : { text: city.text, value: city.value }));
  return [{ text: province[2], value: province[1], children }];
}

export function guangdongDivisions() {
  return {
    name: 'haoban-guangdong-divisions',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      this.addWatchFile(TABLE);
      return `export default ${JSON.stringify(await guangdongTree())};`;
    },
  };
}
