// Reads of the public API, on the page's own origin: JSON, GeoJSON, paging by the Link header, problem+json errors.

/** An RFC 9457 problem answered by the API, or a network failure (status 0). */
export class ApiProblem extends Error {
  /**
   * @param {number} status
   * @param {string} title
   * @param {string} detail
   * @param {string | undefined} service the service a 503/504 names
   */
  constructor(status, title, detail, service) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.service = service;
  }
}

/**
 * @param {string} path
 * @param {Record<string, string | number | boolean | undefined | null>} [params]
 */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * @param {string} target
 * @param {string} accept
 * @returns {Promise<Response>}
 */
async function request(target, accept) {
  let response;
  try {
    // a live page revalidates every read (If-None-Match, answered 304 while unchanged) instead of trusting the
    // API's short max-age, so a count refreshed on an event is never the answer cached a moment before it
    response = await fetch(target, { headers: { Accept: accept }, cache: 'no-cache' });
  } catch (e) {
    throw new ApiProblem(0, 'The API cannot be reached', String(e), undefined);
  }
  if (!response.ok) {
    /** @type {{title?: string, detail?: string, service?: string}} */
    let problem = {};
    try {
      problem = await response.json();
    } catch (ignored) {
      problem = { title: response.statusText };
    }
    throw new ApiProblem(response.status, problem.title ?? `HTTP ${response.status}`, problem.detail ?? '', problem.service);
  }
  return response;
}

/**
 * One JSON document.
 * @template T
 * @param {string} path
 * @param {Record<string, string | number | boolean | undefined | null>} [params]
 * @returns {Promise<T>}
 */
export async function getJson(path, params) {
  const response = await request(url(path, params), 'application/json');
  return response.json();
}

/**
 * One GeoJSON document.
 * @param {string} path
 * @param {Record<string, string | number | boolean | undefined | null>} [params]
 * @returns {Promise<GeoJSON.FeatureCollection>}
 */
export async function getGeoJson(path, params) {
  const response = await request(url(path, params), 'application/geo+json');
  return response.json();
}

/**
 * The total a list answers in X-Total-Count, reading one item only.
 * @param {string} path
 * @param {Record<string, string | number | boolean | undefined | null>} [params]
 */
export async function count(path, params = {}) {
  const response = await request(url(path, { ...params, size: 1 }), 'application/json');
  return Number(response.headers.get('X-Total-Count'));
}

/**
 * Every item of a paged list, following the Link header's rel="next".
 * @template T
 * @param {string} path
 * @param {Record<string, string | number | boolean | undefined | null>} [params]
 * @returns {Promise<T[]>}
 */
export async function getAll(path, params = {}) {
  /** @type {T[]} */
  const items = [];
  /** @type {string | null} */
  let next = url(path, { size: 1000, ...params });
  while (next) {
    const response = await request(next, 'application/json');
    /** @type {{items: T[]}} */
    const page = await response.json();
    items.push(...page.items);
    next = nextLink(response.headers.get('Link'));
  }
  return items;
}

/** @param {string | null} header */
function nextLink(header) {
  if (!header) {
    return null;
  }
  for (const part of header.split(',')) {
    const match = part.match(/<([^>]*)>\s*;.*rel="?next"?/);
    if (match) {
      const target = new URL(match[1], location.href);
      return target.pathname + target.search;
    }
  }
  return null;
}
