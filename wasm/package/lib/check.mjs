// h.check: the 一次性告知单 (every problem at once), eligibility with reasons, bundles (一件事) and
// the canonical package whose SHA-256 digest is the submission's idempotency key. The same
// core as the back office, so what passes here passes there.
import { catalogHandle } from './catalog.mjs';
import { requireString, toJson, todayFrom, unwrap } from './boundary.mjs';

function checkOptions(options) {
  const opts = { today: todayFrom(options) };
  if (options && options.profile !== undefined && options.profile !== null) opts.profile = options.profile;
  if (options && options.format !== undefined) opts.format = requireString('format', options.format);
  return toJson('options', opts);
}

export function checkApi(module) {
  const run = (binding, name) => (catalog, id, application, options = {}) =>
    unwrap(binding(catalogHandle(catalog), requireString(name, id), toJson('application', application), checkOptions(options)));
  return {
    item: run(module.checkItem, 'itemId'),
    bundle: run(module.checkBundle, 'bundleId'),
    eligibility: run(module.checkEligibility, 'itemId'),
    package: run(module.checkPackage, 'itemId'),
  };
}

// The working-day calendar (holidays and 调休 make-up days) for both checks and expressions.
export function setCalendar(module, holidays) {
  const text = typeof holidays === 'string' ? holidays : toJson('holidays', holidays);
  unwrap(module.checkSetCalendar(text));
  unwrap(module.exprSetCalendar(text));
}

export function canonicalJson(module, value) {
  return unwrap(module.canonicalJson(toJson('value', value)));
}
