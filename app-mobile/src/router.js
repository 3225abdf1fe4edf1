// A small hash router: the stub serves files only, so every screen lives under index.html at
// #/path?query. Reload-safe (the state is in the URL) and with no dependency.
import { reactive } from 'vue';

const ROUTES = [
  ['home', /^\/$/],
  ['search', /^\/search$/],
  ['guide', /^\/guide\/(item|bundle)\/([\w.-]+)$/],
  ['login', /^\/login$/],
  ['precheck', /^\/apply\/(item|bundle)\/([\w.-]+)\/precheck$/],
  ['form', /^\/apply\/(item|bundle)\/([\w.-]+)\/form$/],
  ['materials', /^\/apply\/(item|bundle)\/([\w.-]+)\/materials$/],
  ['notice', /^\/apply\/(item|bundle)\/([\w.-]+)\/notice$/],
  ['receipt', /^\/receipt\/([0-9a-f]{64})$/],
  ['mine', /^\/mine$/],
  ['case', /^\/mine\/([0-9A-Z]{1,64})$/],
];

function parse() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  const [path, search = ''] = hash.split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  for (const [name, pattern] of ROUTES) {
    const match = pattern.exec(path);
    if (match) return { name, params: match.slice(1), query, path: hash };
  }
  return { name: 'home', params: [], query, path: '/' };
}

export const route = reactive(parse());

window.addEventListener('hashchange', () => {
  Object.assign(route, parse());
  window.scrollTo(0, 0);
});

export function go(path) {
  location.hash = `#${path}`;
}
