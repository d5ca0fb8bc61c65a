// A typed client of the Observatory API: the paths and schemas generated from the gateway's merged /openapi.json
// (src/schema.d.ts, by `npm run generate`), calls through openapi-fetch, an API key when writing, every page of a
// list, and RFC 9457 problems as errors.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** An answer that is not 2xx, with the problem the API sent (RFC 9457 problem+json). */
export class ProblemError extends Error {
  constructor(readonly status: number, readonly problem: Problem, readonly retryAfterSeconds: number | null) {
    super(`${status} ${problem.title ?? ''}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

export interface ClientOptions {
  /** The gateway's address, e.g. http://localhost:8080 (empty on the gateway's own origin). */
  baseUrl: string;
  /** An API key; reads need none, writes need one with the operation's scope. */
  apiKey?: string;
  fetch?: typeof fetch;
}

/** A client whose every call is checked against the API's paths, parameters and schemas. */
export function observatoryClient(options: ClientOptions): Client<paths> {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  if (options.apiKey) {
    const key = options.apiKey;
    const auth: Middleware = {
      onRequest({ request }) {
        request.headers.set('Authorization', `Bearer ${key}`);
        return request;
      },
    };
    client.use(auth);
  }
  const problems: Middleware = {
    async onResponse({ response }) {
      if (response.ok) {
        return response;
      }
      const type = response.headers.get('Content-Type') ?? '';
      const problem: Problem = type.includes('json') ? await response.clone().json() : { title: response.statusText, status: response.status };
      const retryAfter = response.headers.get('Retry-After');
      throw new ProblemError(response.status, problem, retryAfter === null ? null : Number(retryAfter));
    },
  };
  client.use(problems);
  return client;
}

/** The URL of the next page in a Link header (RFC 8288), or null on the last page. */
export function nextPage(link: string | null): string | null {
  for (const part of (link ?? '').split(',')) {
    const match = part.match(/<([^>]*)>\s*;.*rel="?next"?/);
    if (match) {
      return match[1];
    }
  }
  return null;
}

/**
 * Every item of a paged list (`page`/`size`, `Link` rel="next"), page after page.
 * @example for await (const project of allPages<Schemas['Project']>(`${base}/api/projects?destination=133100`)) {...}
 */
export async function* allPages<T>(url: string, init?: RequestInit): AsyncGenerator<T> {
  let next: string | null = url;
  while (next) {
    const response: Response = await fetch(next, init);
    if (!response.ok) {
      throw new ProblemError(response.status, await response.json(), null);
    }
    const page = (await response.json()) as { items: T[] };
    yield* page.items;
    next = nextPage(response.headers.get('Link'));
  }
}
