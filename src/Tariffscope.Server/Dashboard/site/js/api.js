// The dashboard's only way to the server: the same /api/v1 a script or a spreadsheet would use.

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

export async function get(path, params) {
  const url = params ? `/api/v1${path}?${params}` : `/api/v1${path}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError({ title: 'The server cannot be reached', detail: String(e.message ?? e) }, 0);
  }
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(body ?? { title: `HTTP ${response.status}` }, response.status);
  return body;
}

/** POST a body (a string or a File) of the given media type; answers and refusals as get() gives them. */
export async function post(path, params, body, contentType) {
  const url = params && String(params) ? `/api/v1${path}?${params}` : `/api/v1${path}`;
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType, Accept: 'application/json' }, body });
  } catch (e) {
    throw new ApiError({ title: 'The server cannot be reached', detail: String(e.message ?? e) }, 0);
  }
  const type = response.headers.get('content-type') ?? '';
  const answer = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(answer ?? { title: `HTTP ${response.status}` }, response.status);
  return answer;
}

/**
 * get() for answers the server computes once and then keeps (indicators, scenario impact): a first computation
 * longer than the request timeout answers 504 while it goes on, so ask again, up to `tries` times.
 */
export async function getPatiently(path, params, onWait, tries = 6) {
  for (let i = 1; ; i++) {
    try { return await get(path, params); } catch (e) {
      if (e.status !== 504 || i >= tries) throw e;
      onWait?.(i);
    }
  }
}

let featuresPromise;
/** Which capabilities this server serves ({quote: true, batch: false, …}). */
export function features() {
  featuresPromise ??= get('').then(index => index.features).catch(() => ({}));
  return featuresPromise;
}

let scenariosPromise;
export function scenarios() {
  scenariosPromise ??= get('/scenarios');
  return scenariosPromise;
}
