// fetch wrapper for the JSON API. Errors come back as ProblemDetails; ApiError carries its text.
export class ApiError extends Error {
  constructor(status, problem) {
    const fieldErrors = problem?.errors ? Object.values(problem.errors).flat() : [];
    super(fieldErrors.length ? fieldErrors.join(' ') : (problem?.detail || problem?.title || `HTTP ${status}`));
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body, headers } = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'workspace', ...(body !== undefined && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = path => api(path);
export const post = (path, body) => api(path, { method: 'POST', body: body ?? {} });
export const put = (path, body) => api(path, { method: 'PUT', body });
export const patch = (path, body) => api(path, { method: 'PATCH', body });
export const del = path => api(path, { method: 'DELETE' });
