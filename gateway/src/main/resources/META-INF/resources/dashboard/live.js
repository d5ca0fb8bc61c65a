// The live event stream: Server-Sent Events read with fetch, so every reconnection sends Last-Event-ID and resumes
// where the last one stopped, whatever ended it (a server's retry hint, a restart, a 503).

/** @typedef {{id: string, type: string, data: import('./types.js').CloudEvent}} LiveEvent */

/**
 * Follows the stream until stopped; `since` resumes after that event id.
 * @param {string} path
 * @param {(event: LiveEvent) => void} onEvent
 * @param {(state: 'connected' | 'reconnecting') => void} onState
 * @param {string | null} [since]
 * @returns {{stop: () => void, lastEventId: () => string | null}}
 */
export function follow(path, onEvent, onState, since = null) {
  /** @type {string | null} */
  let lastEventId = since;
  let retryMs = 2000;
  const stop = new AbortController();

  async function connect() {
    while (!stop.signal.aborted) {
      try {
        /** @type {Record<string, string>} */
        const headers = { Accept: 'text/event-stream' };
        if (lastEventId) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(path, { headers, signal: stop.signal });
        if (!response.ok || !response.body) {
          retryMs = Math.max(retryMs, 1000 * Number(response.headers.get('Retry-After') ?? 2));
          throw new Error(`HTTP ${response.status}`);
        }
        onState('connected');
        await read(response.body);
      } catch (error) {
        if (stop.signal.aborted) {
          return;
        }
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }

  /** @param {ReadableStream<Uint8Array>} body */
  async function read(body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        dispatch(block);
      }
    }
  }

  /** @param {string} block */
  function dispatch(block) {
    let id = null;
    let type = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') {
        id = value;
      } else if (field === 'event') {
        type = value;
      } else if (field === 'data') {
        data.push(value);
      } else if (field === 'retry' && /^\d+$/.test(value)) {
        retryMs = Number(value);
      }
    }
    if (id !== null) {
      lastEventId = id;
    }
    if (data.length && id !== null) {
      onEvent({ id, type, data: JSON.parse(data.join('\n')) });
    }
  }

  connect();
  return { stop: () => stop.abort(), lastEventId: () => lastEventId };
}
