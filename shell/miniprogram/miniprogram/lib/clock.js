// "Today" for the core, which has no clock: the phone's local calendar date, YYYY-MM-DD.
// Passed into every check; the stub decides its own date for what it re-checks.
'use strict';

function today(now) {
  const d = now || new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

module.exports = { today };
