// The container test's client (run by deploy/compose/test.sh): talks to the compose topology through
// the load balancer only (HR_URL), and tells which instance answered by HAProxy's X-Served-By header.
//   1. reads: queries answered, by both instances
//   2. writes: an editor (token made with the bootstrap admin token) writes and publishes a review
//   3. a comment posted through one instance reaches subscribers on the other (WebSocket and SSE)
//   4. a token revoked through one instance is refused by the other (HTTP, and its sockets closed)
//   5. under load, one instance is stopped with SIGTERM (HR_STOP_CONTAINER): WebSockets and event
//      streams move to the other instance, and no write, read or event is lost
// Prints one line per check, "figures: {...}", and "N passed, N failed" last; exits 1 on a failure.
import { spawnSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.HR_URL ?? 'http://127.0.0.1:8080';
const httpUrl = `${base}/graphql`;
const wsUrl = httpUrl.replace(/^http/, 'ws');
const adminToken = process.env.HR_ADMIN_TOKEN;
const stopContainer = process.env.HR_STOP_CONTAINER;
const figures = {};
let passed = 0;
let failed = 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? `: ${detail}` : ''}`);
  return ok;
}

// One POST through the balancer. Retried only when asked (for idempotent requests or mutations
// with a clientMutationId) and only on what a stopping instance can cause: no answer, 502, 503, 504.
async function gql(query, variables = {}, { token, retries = 0 } = {}) {
  let lastError;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(100 * attempt);
    try {
      const response = await fetch(httpUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(15000),
      });
      if ([502, 503, 504].includes(response.status)) {
        lastError = new Error(`HTTP ${response.status}`);
        continue;
      }
      const body = await response.json();
      return { status: response.status, servedBy: response.headers.get('x-served-by'), body, attempts: attempt + 1 };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function dataOf(result, what) {
  if (result.body.errors) throw new Error(`${what}: ${JSON.stringify(result.body.errors)}`);
  return result.body.data;
}

// A WebSocket that remembers which instance accepted its upgrade.
class TrackedWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols);
    this.servedBy = undefined;
    this.on('upgrade', (response) => { this.servedBy = response.headers['x-served-by']; });
  }
}

function wsClient({ token, retry = false, onConnected, onClosed } = {}) {
  return createClient({
    url: wsUrl,
    webSocketImpl: TrackedWebSocket,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: retry ? Number.MAX_SAFE_INTEGER : 0,
    shouldRetry: () => retry,
    // Reconnect soon, with jitter, as a real client does.
    retryWait: async () => sleep(200 + Math.random() * 300),
    onNonLazyError: () => {}, // closes are recorded by on.closed
    on: {
      connected: (socket, _payload, wasRetry) => onConnected?.(socket.servedBy, wasRetry),
      closed: (event) => onClosed?.(event),
    },
  });
}

function waitFor(predicate, ms, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) { clearInterval(timer); resolve(Date.now() - started); }
      else if (Date.now() - started > ms) { clearInterval(timer); reject(new Error(`timed out waiting for ${what}`)); }
    }, 20);
  });
}

const commentAdded = 'subscription Added($review: ID!) { commentAdded(reviewId: $review) { id body } }';

// Every comment of a review, read with the admin token (never a cached anonymous answer).
async function allComments(reviewId) {
  const ids = [];
  let after = null;
  for (;;) {
    const data = dataOf(await gql(
      'query All($id: ID!, $after: String) { review(id: $id) { comments(first: 100, after: $after) { nodes { id body } pageInfo { hasNextPage endCursor } } } }',
      { id: reviewId, after }, { token: adminToken, retries: 5 }), 'comments');
    const page = data.review.comments;
    ids.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

async function postComment(reviewId, body, retries) {
  const clientMutationId = randomUUID();
  const result = await gql(
    'mutation Post($input: PostCommentInput!) { postComment(input: $input) { status comment { id } errors { code message } } }',
    { input: { clientMutationId, reviewId, authorName: 'Container Test', authorEmail: 'container-test@example.org', body } },
    { retries });
  const payload = dataOf(result, 'postComment').postComment;
  if (payload.errors.length || payload.status !== 'APPROVED') throw new Error(`postComment: ${JSON.stringify(payload)}`);
  return { id: payload.comment.id, servedBy: result.servedBy, attempts: result.attempts };
}

// An event stream through the balancer (graphql-sse, distinct connections), read by hand to see
// which instance serves it. `done` settles when the stream ends (or never started).
function sseSubscribe(query, variables, onNext) {
  const controller = new AbortController();
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  const ready = (async () => {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    const servedBy = response.headers.get('x-served-by');
    (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(message)?.[1];
            const data = /^data: (.*)$/m.exec(message)?.[1];
            if (event === 'next' && data) onNext(JSON.parse(data));
          }
        }
      } catch { /* aborted or cut */ } finally { finish(); }
    })();
    return { status: response.status, contentType: response.headers.get('content-type'), servedBy };
  })();
  ready.catch(() => finish());
  return { ready, done, close: () => controller.abort() };
}

// An event-stream client that does what EventSource does (reconnects after a pause when its stream
// ends) and, once reconnected, reads what it may have missed.
function reconnectingSse(reviewId) {
  const s = { kind: 'sse', history: [], live: new Set(), recovered: new Set(), ends: 0, gaps: [], lostAt: 0, stopped: false, current: null };
  s.running = (async () => {
    while (!s.stopped) {
      const stream = sseSubscribe(commentAdded, { review: reviewId }, (result) => s.live.add(result.data?.commentAdded?.id));
      s.current = stream;
      try {
        const info = await stream.ready;
        if (info.status === 200) {
          s.history.push(info.servedBy);
          if (s.lostAt) {
            s.gaps.push(Date.now() - s.lostAt);
            s.lostAt = 0;
            await catchUp(s, reviewId);
          }
        }
      } catch { /* no answer: try again */ }
      await stream.done;
      if (s.stopped) break;
      s.ends++;
      if (!s.lostAt) s.lostAt = Date.now();
      await sleep(200 + Math.random() * 300);
    }
  })();
  s.stop = async () => { s.stopped = true; s.current?.close(); await s.running; };
  return s;
}

// After a reconnect: once the new subscription has had a moment to be registered, read every
// comment, so none posted while the client was away is missed.
async function catchUp(s, reviewId) {
  await sleep(300);
  try {
    for (const comment of await allComments(reviewId)) s.recovered.add(comment.id);
  } catch (error) { s.catchUpError = String(error); }
}

async function main() {
  const started = Date.now();

  // --- 1. reads -------------------------------------------------------------------------------
  let seeded = false;
  for (let i = 0; i < 120 && !seeded; i++) {
    try {
      const result = await gql('{ reviews(first: 1) { nodes { id } } }');
      seeded = result.status === 200 && result.body.data?.reviews.nodes.length > 0;
    } catch { /* not up yet */ }
    if (!seeded) await sleep(500);
  }
  check('the demo catalogue is readable through the load balancer', seeded);
  const servers = new Set();
  let readsOk = 0;
  for (let i = 0; i < 10; i++) {
    const result = await gql('{ reviews(first: 3) { nodes { headline film { title } } } }');
    if (result.status === 200 && result.body.data?.reviews.nodes.length === 3) readsOk++;
    servers.add(result.servedBy);
  }
  check('reads: 10 queries answered', readsOk === 10, `${readsOk}/10`);
  check('reads: both instances answer behind the load balancer', servers.has('api1') && servers.has('api2'), [...servers].join(','));

  // --- 2. writes ------------------------------------------------------------------------------
  const createToken = 'mutation Token($name: String!) { createApiToken(input: { name: $name, roles: [EDITOR] }) { secret token { id } errors { code message } } }';
  const editor = dataOf(await gql(createToken, { name: 'container test editor' }, { token: adminToken }), 'createApiToken').createApiToken;
  check('an editor token is created with the bootstrap admin token', Boolean(editor.secret), JSON.stringify(editor.errors));
  const film = dataOf(await gql('{ films(first: 1) { nodes { id title } } }'), 'films').films.nodes[0];
  const createReview = `mutation Draft($film: ID!, $headline: String!) { createReview(input: { filmId: $film, byline: "Container Test",
      headline: $headline, body: "Written through the load balancer.", verdict: { rating: POP, summary: "See it." } }) {
      review { id version status } errors { code message } } }`;
  const stamp = Date.now().toString(36);
  const draft = dataOf(await gql(createReview, { film: film.id, headline: `Container draft ${stamp}` }, { token: editor.secret }), 'createReview').createReview;
  const written = dataOf(await gql(createReview, { film: film.id, headline: `Container review ${stamp}` }, { token: editor.secret }), 'createReview').createReview;
  check('writes: an editor creates reviews (drafts)', draft.review?.status === 'DRAFT' && written.review?.status === 'DRAFT', JSON.stringify([draft.errors, written.errors]));
  const published = dataOf(await gql(
    'mutation Publish($id: ID!, $version: Int!) { publishReview(input: { id: $id, expectedVersion: $version }) { review { id status } errors { code message } } }',
    { id: written.review.id, version: written.review.version }, { token: editor.secret }), 'publishReview').publishReview;
  check('writes: the editor publishes one', published.review?.status === 'PUBLISHED', JSON.stringify(published.errors));
  const reviewId = written.review.id;
  let publicReads = 0;
  for (let i = 0; i < 4; i++) {
    const read = await gql('query One($id: ID!) { review(id: $id) { id headline } }', { id: reviewId });
    if (read.body.data?.review?.headline === `Container review ${stamp}`) publicReads++;
  }
  check('writes: the published review is public on every instance at once', publicReads === 4, `${publicReads}/4`);

  // --- 3. a comment through one instance reaches subscribers on the other ----------------------
  const subscribers = [];
  for (let i = 0; i < 8 && !(subscribers.some((s) => s.servedBy === 'api1') && subscribers.some((s) => s.servedBy === 'api2')); i++) {
    const subscriber = { servedBy: undefined, received: [] };
    subscriber.client = wsClient({ onConnected: (servedBy) => { subscriber.servedBy = servedBy; } });
    subscriber.client.subscribe({ query: commentAdded, variables: { review: reviewId } }, {
      next: (result) => subscriber.received.push(result.data?.commentAdded?.id),
      error: () => {},
      complete: () => {},
    });
    await waitFor(() => subscriber.servedBy, 10000, 'a WebSocket through the load balancer');
    subscribers.push(subscriber);
  }
  check('WebSockets (graphql-transport-ws) pass through the load balancer to both instances',
    subscribers.some((s) => s.servedBy === 'api1') && subscribers.some((s) => s.servedBy === 'api2'), subscribers.map((s) => s.servedBy).join(','));
  const sseReceived = [];
  const sse = sseSubscribe(commentAdded, { review: reviewId }, (result) => sseReceived.push(result.data?.commentAdded?.id));
  const sseInfo = await sse.ready;
  check('an event stream (SSE) passes through the load balancer', sseInfo.status === 200 && /text\/event-stream/.test(sseInfo.contentType ?? ''), `${sseInfo.status} ${sseInfo.contentType} via ${sseInfo.servedBy}`);
  await sleep(1000); // the subscriptions are registered on their instances
  const posted = await postComment(reviewId, `Posted through one instance at ${new Date().toISOString()}.`, 0);
  const other = subscribers.find((s) => s.servedBy && s.servedBy !== posted.servedBy);
  let crossMs = -1;
  try {
    crossMs = await waitFor(() => other?.received.includes(posted.id), 10000, 'the comment on the other instance');
  } catch { /* reported below */ }
  figures.crossInstanceEventMs = crossMs;
  check(`a comment posted via ${posted.servedBy} reaches a WebSocket subscriber on ${other?.servedBy}`, crossMs >= 0, `${crossMs} ms`);
  let sseMs = -1;
  try { sseMs = await waitFor(() => sseReceived.includes(posted.id), 10000, 'the comment on the event stream'); } catch { /* reported below */ }
  check(`...and the event-stream subscriber (on ${sseInfo.servedBy})`, sseMs >= 0);
  sse.close();
  for (const s of subscribers) await s.client.dispose();

  // --- 4. a token revoked through one instance is refused by the other -------------------------
  const doomed = dataOf(await gql(createToken, { name: 'container test, to revoke' }, { token: adminToken }), 'createApiToken').createApiToken;
  // A draft (editors only) and a field that needs a role: a refused token sees neither.
  const draftQuery = 'query Draft($id: ID!) { review(id: $id) { id status } reviews(first: 1) { nodes { status } } }';
  const before = await gql(draftQuery, { id: draft.review.id }, { token: doomed.secret });
  check('the second editor token reads a draft', before.body.data?.review?.status === 'DRAFT', JSON.stringify(before.body.errors ?? ''));
  const sockets = [];
  for (let i = 0; i < 6 && !(sockets.some((s) => s.servedBy === 'api1') && sockets.some((s) => s.servedBy === 'api2')); i++) {
    const socket = { servedBy: undefined, closed: undefined };
    socket.client = wsClient({ token: doomed.secret, onConnected: (servedBy) => { socket.servedBy = servedBy; }, onClosed: (event) => { socket.closed = event.code; } });
    socket.client.subscribe({ query: 'subscription { reviewPublished { id } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    await waitFor(() => socket.servedBy, 10000, 'a WebSocket with the token');
    sockets.push(socket);
  }
  const revoked = await gql('mutation Revoke($id: ID!) { revokeApiToken(input: { id: $id }) { errors { code message } } }', { id: doomed.token.id }, { token: adminToken });
  check(`the token is revoked through ${revoked.servedBy}`, dataOf(revoked, 'revokeApiToken').revokeApiToken.errors.length === 0);
  // A few requests at once, so the balancer spreads them over both instances; the first answer from
  // the instance that did not revoke is the one that counts.
  let refused;
  for (let i = 0; i < 10 && !refused; i++) {
    const attempts = await Promise.all([1, 2, 3, 4].map(() => gql(draftQuery, { id: draft.review.id }, { token: doomed.secret })));
    refused = attempts.find((attempt) => attempt.servedBy !== revoked.servedBy);
  }
  const error = refused?.body.errors?.[0];
  check(`...and refused by ${refused?.servedBy}`,
    error?.extensions?.code === 'AUTH_NOT_AUTHENTICATED' && /revoked/.test(error.message) && refused.body.data?.review == null,
    `${error?.extensions?.code}: ${error?.message}`);
  try {
    await waitFor(() => sockets.every((s) => s.closed !== undefined), 10000, 'the sockets with the revoked token to close');
  } catch { /* reported below */ }
  check('its sockets on both instances are closed with 4403', sockets.length >= 2 && sockets.every((s) => s.closed === 4403), sockets.map((s) => `${s.servedBy}:${s.closed}`).join(','));
  for (const s of sockets) await s.client.dispose();

  // --- 5. SIGTERM to one instance under load -------------------------------------------------
  const loadSubscribers = [];
  for (let i = 0; i < 16; i++) {
    const s = { kind: 'ws', history: [], live: new Set(), recovered: new Set(), closes: [], closedAt: 0, gaps: [] };
    s.client = wsClient({
      retry: true,
      onConnected: async (servedBy, wasRetry) => {
        s.history.push(servedBy);
        if (!wasRetry) return;
        s.gaps.push(Date.now() - s.closedAt);
        await catchUp(s, reviewId);
      },
      onClosed: (event) => { s.closes.push(event.code); s.closedAt = Date.now(); },
    });
    s.client.subscribe({ query: commentAdded, variables: { review: reviewId } }, {
      next: (result) => s.live.add(result.data?.commentAdded?.id),
      error: (error) => { s.error = String(error?.message ?? error); },
      complete: () => {},
    });
    loadSubscribers.push(s);
  }
  await waitFor(() => loadSubscribers.every((s) => s.history.length > 0), 15000, 'the load subscribers');
  const streams = [1, 2, 3, 4].map(() => reconnectingSse(reviewId));
  await waitFor(() => streams.every((s) => s.history.length > 0), 15000, 'the load event streams');
  await sleep(1000);
  const everyone = [...loadSubscribers, ...streams];
  figures.subscribers = {
    webSockets: loadSubscribers.length, eventStreams: streams.length,
    onStoppedInstance: everyone.filter((s) => s.history[0] === 'api1').length,
  };

  const acknowledged = [];
  const lostWrites = [];
  let writeRetries = 0;
  let reads = 0;
  let readRetries = 0;
  let lostReads = 0;
  let loading = true;
  const writer = async (n) => {
    for (let i = 0; loading; i++) {
      try {
        const result = await postComment(reviewId, `Load comment ${n}-${i} of run ${stamp}: written while an instance stops.`, 8);
        acknowledged.push(result.id);
        writeRetries += result.attempts - 1;
      } catch (error) {
        lostWrites.push(String(error));
      }
      await sleep(100);
    }
  };
  const reader = async () => {
    while (loading) {
      try {
        const result = await gql('{ reviews(first: 5) { nodes { headline commentCount } } }', {}, { retries: 3 });
        if (result.status === 200 && result.body.data) reads++;
        else lostReads++;
        readRetries += result.attempts - 1;
      } catch {
        lostReads++;
      }
      await sleep(50);
    }
  };
  const load = [writer(1), writer(2), reader(), reader()];
  await sleep(3000);
  const stopStarted = Date.now();
  const stop = stopContainer
    ? new Promise((resolve) => spawn('docker', ['stop', '--time', '40', stopContainer], { stdio: 'ignore' }).on('exit', resolve))
    : Promise.resolve(1);
  const stopStatus = await stop;
  figures.sigtermToExitMs = Date.now() - stopStarted;
  const exitCode = stopContainer ? spawnSync('docker', ['inspect', '-f', '{{.State.ExitCode}}', stopContainer], { encoding: 'utf8' }).stdout.trim() : 'none';
  await sleep(5000); // load goes on against the remaining instance
  loading = false;
  await Promise.all(load);
  await sleep(3000); // the last events arrive

  check('the stopped instance exited on SIGTERM with status 0, within its grace period', stopStatus === 0 && exitCode === '0', `docker stop ${stopStatus}, exit code ${exitCode}, ${figures.sigtermToExitMs} ms`);
  const stored = await allComments(reviewId);
  const storedIds = stored.map((c) => c.id);
  const counts = new Map();
  for (const id of storedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const storedLoad = stored.filter((c) => c.body.startsWith('Load comment '));
  figures.writes = { acknowledged: acknowledged.length, retried: writeRetries, lost: lostWrites.length, storedLoadComments: storedLoad.length };
  figures.reads = { answered: reads, retried: readRetries, lost: lostReads };
  check('under load: no write lost (every comment acknowledged, retries with the same clientMutationId)', lostWrites.length === 0 && acknowledged.length > 0, lostWrites.slice(0, 3).join('; '));
  check('under load: every acknowledged comment is stored exactly once', acknowledged.every((id) => counts.get(id) === 1) && storedLoad.length === acknowledged.length,
    `${acknowledged.length} acknowledged, ${storedLoad.length} stored`);
  check('under load: no read lost', lostReads === 0 && reads > 0, `${reads} answered, ${readRetries} retried, ${lostReads} lost`);
  const moved = loadSubscribers.filter((s) => s.history[0] === 'api1');
  check('WebSockets on the stopped instance were told to go (1001) and reconnected to the other',
    moved.length > 0 && moved.every((s) => s.closes.includes(1001) && s.history.at(-1) === 'api2'),
    `${moved.length} moved: ${moved.map((s) => `${s.closes.join('/')}->${s.history.join('>')}`).slice(0, 3).join(' ')}`);
  const movedStreams = streams.filter((s) => s.history[0] === 'api1');
  check('event streams on the stopped instance ended and reconnected to the other',
    movedStreams.length > 0 && movedStreams.every((s) => s.ends > 0 && s.history.at(-1) === 'api2'),
    `${movedStreams.length} moved: ${movedStreams.map((s) => s.history.join('>')).join(' ')}`);
  const incomplete = everyone.filter((s) => !acknowledged.every((id) => s.live.has(id) || s.recovered.has(id)));
  const liveEvents = everyone.reduce((sum, s) => sum + acknowledged.filter((id) => s.live.has(id)).length, 0);
  const recoveredOnly = everyone.reduce((sum, s) => sum + acknowledged.filter((id) => !s.live.has(id) && s.recovered.has(id)).length, 0);
  const gaps = everyone.flatMap((s) => s.gaps);
  figures.events = { expected: acknowledged.length * everyone.length, live: liveEvents, readAfterReconnect: recoveredOnly, reconnectGapMaxMs: gaps.length ? Math.max(...gaps) : 0 };
  check('no event lost: each subscriber (WebSocket or event stream) saw every comment live or read it after reconnecting', incomplete.length === 0,
    `${incomplete.length} incomplete${incomplete[0]?.catchUpError ? ` (${incomplete[0].catchUpError})` : ''}`);
  const stayed = everyone.filter((s) => s.history[0] === 'api2');
  check('subscribers on the remaining instance saw every comment live, without reconnecting',
    stayed.every((s) => s.history.length === 1 && acknowledged.every((id) => s.live.has(id))), `${stayed.length} stayed`);
  for (const s of loadSubscribers) await s.client.dispose();
  for (const s of streams) await s.stop();

  figures.clientSeconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(`figures: ${JSON.stringify(figures)}`);
}

try {
  await main();
} catch (error) {
  check('the scenario ran to its end', false, error?.stack ?? String(error));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
