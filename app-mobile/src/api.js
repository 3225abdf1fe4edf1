// The back-office stub's HTTP API (docs/openapi.yaml). Transport only: no decisions here.
// The session token lives in localStorage so that a reload keeps the user logged in.

const TOKEN_KEY = 'haoban.session';

export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error ?? {};
    super(error.message ?? `HTTP ${status}`);
    this.status = status;
    this.type = error.type ?? 'http_error';
    this.zh = error.zh ?? error.message ?? `请求失败（${status}）`;
    this.body = body;
  }
}

export function savedSession() {
  try {
    const session = JSON.parse(localStorage.getItem(TOKEN_KEY) ?? 'null');
    if (session && session.expiresAt * 1000 > Date.now()) return session;
  } catch {
    // a corrupt entry is the same as none
  }
  return null;
}

export function forgetSession() {
  localStorage.removeItem(TOKEN_KEY);
}

async function request(method, path, { body, headers = {}, auth = true } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (auth) {
    const session = savedSession();
    if (session) init.headers.Authorization = `Bearer ${session.token}`;
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) throw new ApiError(response.status, parsed);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export const api = {
  identities: async () => (await request('GET', '/api/v1/session/identities', { auth: false })).body.identities,
  async login(identityId) {
    const { body } = await request('POST', '/api/v1/session', { body: { identityId }, auth: false });
    localStorage.setItem(TOKEN_KEY, JSON.stringify(body));
    return body;
  },
  me: async () => (await request('GET', '/api/v1/me')).body,
  licences: async () => (await request('GET', '/api/v1/me/licences')).body,
  catalogText: async () => (await request('GET', '/api/v1/catalog', { auth: false })).text,
  submit: async (pkg, idempotencyKey) =>
    (await request('POST', '/api/v1/submissions', { body: pkg, headers: { 'Idempotency-Key': idempotencyKey } })).body,
  submissions: async () => (await request('GET', '/api/v1/submissions')).body.submissions,
  submission: async (id) => (await request('GET', `/api/v1/submissions/${encodeURIComponent(id)}`)).body,
  supplyMaterial: async (id, materialId, reference) =>
    (await request('POST', `/api/v1/submissions/${encodeURIComponent(id)}/materials`, { body: { materialId, reference } }))
      .body,
  rating: async (id) => (await request('GET', `/api/v1/submissions/${encodeURIComponent(id)}/rating`)).body,
  rate: async (id, rating) =>
    (await request('POST', `/api/v1/submissions/${encodeURIComponent(id)}/rating`, { body: rating })).body,
};
