// fetch wrapper for the JSON API. Errors come back as ProblemDetails with a code; ApiError words it in the
// person's language (core/errors.js).
// Unsafe requests (POST/PUT/PATCH/DELETE) carry the antiforgery token from /api/account/antiforgery.
import { keepSubmittedInput } from './dom.js';
import { sessionEnded } from './session-end.js';
import { describeProblem } from './errors.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(problem, status));
    this.status = status;
    this.problem = problem;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken = null;

// The token is bound to who is signed in, so it is fetched again after signing in or out. Exported for uploads,
// which go through XMLHttpRequest to report their progress (features/files/upload.js).
export async function antiforgeryToken() {
  if (!csrfToken) {
    const response = await fetch('/api/account/antiforgery',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new ApiError(response.status, null);
    csrfToken = (await response.json()).token;
  }
  return csrfToken;
}

export function forgetAntiforgeryToken() { csrfToken = null; }

export async function api(path, options = {}) {
  try {
    return await request(path, options);
  } catch (e) {
    // The form that sent it was not saved: what is typed in it must survive the next redraw.
    if (!SAFE_METHODS.has((options.method ?? 'GET').toUpperCase())) keepSubmittedInput();
    throw e;
  }
}

async function request(path, { method = 'GET', body, headers } = {}, retried = false) {
  const unsafe = !SAFE_METHODS.has(method.toUpperCase());
  const response = await send(path, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'X-Requested-With': 'workspace',
      ...(unsafe ? { 'X-CSRF-TOKEN': await antiforgeryToken() } : {}),
      ...(body !== undefined && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (unsafe && /^\/api\/account\/sign(in|up|out)\b/.test(path)) forgetAntiforgeryToken();
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { title: text }; }
  if (!response.ok) {
    if (response.status === 401 && !/^\/api\/account\/(me|signin|signup)\b/.test(path)) sessionEnded();
    // A stale token (the session changed in another tab): fetch a fresh one and try once more.
    if (unsafe && !retried && response.status === 400 && data?.code === 'antiforgery') {
      forgetAntiforgeryToken();
      return request(path, { method, body, headers }, true);
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

// No answer at all (offline, server down) is an ApiError too, so every form words it the same way.
async function send(path, init) {
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }
}

export const get = path => api(path);
export const post = (path, body) => api(path, { method: 'POST', body: body ?? {} });
export const put = (path, body) => api(path, { method: 'PUT', body });
export const patch = (path, body) => api(path, { method: 'PATCH', body });
export const del = path => api(path, { method: 'DELETE' });
