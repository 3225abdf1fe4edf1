// Where the back office is. In WeChat this must be an HTTPS domain registered in the
// mini-program's admin console (request 合法域名); the local stub is for development and tests.
// A launch query ?api=… (the developer tool's 编译模式, or the test harness) overrides it.
'use strict';

const DEFAULT_API_BASE = 'http://127.0.0.1:8080';
let apiBase = DEFAULT_API_BASE;

function setApiBase(url) {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s/]+/.test(url)) throw new Error(`bad API base: ${url}`);
  apiBase = url.replace(/\/+$/, '');
}

function getApiBase() {
  return apiBase;
}

module.exports = { setApiBase, getApiBase, DEFAULT_API_BASE };
