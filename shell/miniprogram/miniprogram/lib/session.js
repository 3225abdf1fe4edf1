// Business login. The stub stands in for 在线可信身份认证 with test identities; a 法人 identity
// carries its 统一社会信用代码 (USCC). The token is kept in wx storage so the app survives a
// restart; it expires after the stub's 8 hours.
'use strict';

const { request } = require('./http.js');
const storage = require('./storage.js');

const KEY = 'session';

// 法人 identities first (the businesses this mini-program serves), then the natural persons
// who are about to open one (个体工商户设立 is applied for by the operator in person).
async function listIdentities() {
  const { data } = await request({ path: '/api/v1/session/identities' });
  const all = (data && data.identities) || [];
  return {
    businesses: all.filter((i) => i.kind === '法人'),
    operators: all.filter((i) => i.kind === '自然人'),
  };
}

async function login(identityId) {
  const { data } = await request({ method: 'POST', path: '/api/v1/session', data: { identityId } });
  const session = {
    token: data.token,
    expiresAt: data.expiresAt,
    identity: data.identity, // {id, kind, displayName, number}
  };
  storage.putJson(KEY, session);
  return session;
}

// The saved session, or null when there is none or it has expired (expiresAt: Unix seconds).
function current(nowMs) {
  const s = storage.getJson(KEY);
  if (!s || !s.token) return null;
  const now = (nowMs === undefined ? Date.now() : nowMs) / 1000;
  if (typeof s.expiresAt === 'number' && s.expiresAt <= now) return null;
  return s;
}

function logout() {
  storage.remove(KEY);
}

// The profile the core reads: {applicant, licences}, from /me and /me/licences.
async function profile(session) {
  const [me, licences] = await Promise.all([
    request({ path: '/api/v1/me', token: session.token }),
    request({ path: '/api/v1/me/licences', token: session.token }),
  ]);
  return {
    me: me.data,
    profile: { applicant: me.data.applicant, licences: licences.data.licences || {} },
    licenceTypes: licences.data.types || [],
  };
}

module.exports = { listIdentities, login, current, logout, profile };
