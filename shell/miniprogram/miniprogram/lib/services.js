// What every page needs before it can show anything: the core (loaded once), the catalogue
// (fetched, cached, compiled once), the session and the profile of whoever is logged in.
// Kept per app run; pages call ready() and get the same objects.
'use strict';

const { loadCore } = require('./core.js');
const { fetchCatalog, indexCatalog } = require('./catalog.js');
const sessions = require('./session.js');
const clock = require('./clock.js');

const cache = { catalog: null, profiles: {} };

class NotLoggedInError extends Error {
  constructor() {
    super('not logged in');
    this.name = 'NotLoggedInError';
    this.zh = '请先登录。';
  }
}

async function catalog(core) {
  if (!cache.catalog) {
    const { raw } = await fetchCatalog();
    cache.catalog = indexCatalog(raw, core.catalog.load(raw));
  }
  return cache.catalog;
}

async function ready() {
  const session = sessions.current();
  if (!session) throw new NotLoggedInError();
  const core = await loadCore();
  const cat = await catalog(core);
  let p = cache.profiles[session.identity.id];
  if (!p) {
    p = await sessions.profile(session);
    cache.profiles[session.identity.id] = p;
  }
  return { core, catalog: cat, session, profile: p.profile, me: p.me, today: clock.today() };
}

// After logout or a login as someone else: drop what belonged to the previous identity.
function forgetProfiles() {
  cache.profiles = {};
}

// What a page shows when ready() fails: the error's own zh-CN message where it has one.
function messageOf(error) {
  return (error && error.zh) || '出错了，请稍后重试。';
}

module.exports = { ready, forgetProfiles, messageOf, NotLoggedInError };
