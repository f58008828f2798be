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
  return getUrl(url);
}

async function getUrl(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError({ title: 'The server cannot be reached', detail: String(e.message ?? e) }, 0);
  }
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(body ?? { title: `HTTP ${response.status}` }, response.status);
  if (response.status === 202) {
    // still being computed: the server says where and when to ask again
    const e = new ApiError(body ?? { title: 'Accepted' }, 202);
    e.location = response.headers.get('location') ?? url;
    e.retryAfter = Number(response.headers.get('retry-after') ?? '2');
    throw e;
  }
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
 * answers 202 with a Location to ask again (or, where a server has no such answer, 504) while it goes on.
 */
export async function getPatiently(path, params, onWait, tries = 120) {
  let url = params ? `/api/v1${path}?${params}` : `/api/v1${path}`;
  for (let i = 1; ; i++) {
    try { return await getUrl(url); } catch (e) {
      if ((e.status !== 504 && e.status !== 202) || i >= tries) throw e;
      onWait?.(i);
      if (e.status === 202) {
        url = e.location;
        await new Promise(r => setTimeout(r, Math.max(0.2, Math.min(e.retryAfter, 10)) * 1000));
      }
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
