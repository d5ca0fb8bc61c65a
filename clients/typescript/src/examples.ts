// The README's examples, type-checked by `npm run check` against the generated types so the README cannot rot.
// Nothing runs them: the build only compiles them.
import { allPages, observatoryClient, ProblemError, type Schemas } from './index';

declare const process: { env: Record<string, string | undefined> };

export async function reading(): Promise<Schemas['TransportIsochroneNode'][]> {
  const api = observatoryClient({ baseUrl: 'http://localhost:8080' });
  const { data } = await api.GET('/api/transport/isochrones', {
    params: { query: { from: 'XA', minutes: '90', bands: '30,60,90', asOf: '2021-01-01' } },
  });
  return data?.nodes ?? [];
}

export async function writing(): Promise<void> {
  const admin = observatoryClient({ baseUrl: 'http://localhost:8080', apiKey: process.env.JJJ_KEY });
  await admin.POST('/api/projects/{id}/status', {
    params: { path: { id: 'P-000042' } },
    body: { status: 'approved', effective: '2026-01-15', note: 'approved by the commission' },
  });
}

export async function paging(): Promise<void> {
  for await (const project of allPages<Schemas['Project']>('http://localhost:8080/api/projects?destination=133100')) {
    console.log(project.id, project.nameEn, project.status);
  }
}

export async function problems(): Promise<void> {
  const api = observatoryClient({ baseUrl: 'http://localhost:8080' });
  try {
    await api.GET('/api/observations', { params: { query: { indicator: 'va.tertiary.share', region: 'JJJ' } } });
  } catch (e) {
    if (e instanceof ProblemError) {
      console.warn(e.status, e.problem.title, e.problem.detail, e.retryAfterSeconds);
    }
  }
}

export function live(): EventSource {
  const events = new EventSource('http://localhost:8080/api/events?types=jjj.transport');
  events.addEventListener('jjj.transport.link.opened.v1', (message) => {
    const event: Schemas['CloudEvent'] = JSON.parse(message.data);
    console.log('opened', event.subject, event.data);
  });
  return events;
}
