// 好办·企业 — a 粤商通-style mini-program for businesses (法人) and those opening one.
// Pages keep their logic in lib/ (plain CommonJS, tested in Node with a simulated wx);
// this file only starts the app and holds what pages hand to each other.
'use strict';

const config = require('./lib/config.js');
const { loadCore } = require('./lib/core.js');

App({
  globalData: {
    // Handed from the form/bundle page to the notice page, and from there to the receipt page.
    pending: null,
    lastSubmission: null,
  },
  onLaunch(options) {
    const query = (options && options.query) || {};
    if (query.api) config.setApiBase(decodeURIComponent(query.api));
    // Start instantiating the core while the login page draws; pages await the same promise.
    loadCore().catch((e) => console.warn(`core not loaded: ${e.message}`));
  },
});
