// The graphql-ws reference client (graphql-transport-ws) against the live service: a query over the
// socket, a bad token closed with 4403, a subscription fed by mutations over HTTP (and, on a raw socket, nothing sent for it after `complete`), ping/pong, and the
// close codes for a malformed message (4400) and a subscribe before connection_init (4401).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.env.HEADLESSREVIEWS_URL.replace(/^http/, 'ws') + '/graphql';

function client(connectionParams, onClosed) {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true, on: { closed: onClosed ?? (() => {}) } });
}

test('graphql-ws runs a query over the socket', async () => {
  const ws = client();
  try {
    const results = [];
    for await (const result of ws.iterate({ query: '{ film(slug: "her") { title } }' })) results.push(result);
    assert.deepEqual(results, [{ data: { film: { title: 'Her' } } }]);
  } finally {
    await ws.dispose();
  }
});

test('graphql-ws is closed with 4403 for a bad token', async () => {
  let closed;
  const ws = client({ token: 'hr_not_a_real_token_0123456789abcdefghijklmnop' }, (event) => { closed = event; });
  try {
    await assert.rejects(async () => {
      for await (const _ of ws.iterate({ query: '{ __typename }' })) { /* none expected */ }
    });
    assert.equal(closed?.code, 4403);
  } finally {
    await ws.dispose();
  }
});

// --- Subscriptions, ping/pong and protocol violations -----------------------------------------------

const httpUrl = process.env.HEADLESSREVIEWS_URL + '/graphql';
const adminToken = process.env.HEADLESSREVIEWS_ADMIN_TOKEN;

async function gql(query, variables) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms); }),
  ]);
}

/** A raw graphql-transport-ws socket: queued messages, and a promise of the close event. */
async function rawSocket() {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const messages = [];
  const waiters = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const waiter = waiters.shift();
    if (waiter) waiter(message); else messages.push(message);
  });
  const closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await withTimeout(new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); }), 10_000, 'the socket to open');
  return {
    socket,
    closed: withTimeout(closed, 10_000, 'the socket to close'),
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: () => withTimeout(messages.length ? Promise.resolve(messages.shift()) : new Promise((resolve) => waiters.push(resolve)), 10_000, 'a message'),
  };
}

test('graphql-ws receives a review published through a mutation, then completes and receives no more', { skip: !adminToken && 'HEADLESSREVIEWS_ADMIN_TOKEN is not set' }, async () => {
  const errors = [];
  const ws = client({ token: adminToken });
  let reviewId;
  let version = 0;
  try {
    const { film } = await gql('{ film(slug: "her") { id } }');
    let received;
    const arrived = new Promise((resolve) => { received = resolve; });
    const events = [];
    let completed;
    const completion = new Promise((resolve) => { completed = resolve; });
    const unsubscribe = ws.subscribe({ query: 'subscription { reviewPublished { id headline } }' }, {
      next: (result) => { events.push(result); if (reviewId && result.data?.reviewPublished?.id === reviewId) received(result); },
      error: (error) => errors.push(error),
      complete: () => completed(),
    });
    // A second subscription on the same socket that stays open: it proves a later event went through.
    const witnessed = [];
    const witnessWaiters = [];
    const stopWitness = ws.subscribe({ query: 'subscription { reviewPublished { id } }' }, {
      next: (result) => { witnessed.push(result); witnessWaiters.splice(0).forEach((wake) => wake()); },
      error: (error) => errors.push(error),
      complete: () => {},
    });
    const witnessSaw = async (count) => {
      while (witnessed.filter((e) => e.data?.reviewPublished?.id === reviewId).length < count) {
        await withTimeout(new Promise((resolve) => witnessWaiters.push(resolve)), 10_000, 'the witness to receive the event');
      }
    };
    // Let the subscription reach the server before publishing.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const created = await gql(
      'mutation($input: CreateReviewInput!) { createReview(input: $input) { review { id version } errors { code } } }',
      { input: { filmId: film.id, byline: 'Conformance Suite', body: 'Written by the graphql-ws conformance test.', verdict: { rating: 'POP', summary: 'A test review.' } } });
    assert.deepEqual(created.createReview.errors, []);
    reviewId = created.createReview.review.id;
    assert.equal(created.createReview.review.version, 1);

    version = 1;
    const publish = async () => {
      const published = await gql('mutation($id: ID!, $version: Int!) { publishReview(input: {id: $id, expectedVersion: $version}) { review { version } errors { code } } }', { id: reviewId, version });
      assert.deepEqual(published.publishReview.errors, []);
      version = published.publishReview.review.version;
    };
    await publish();

    const event = await withTimeout(
      events.some((e) => e.data?.reviewPublished?.id === reviewId) ? Promise.resolve(events.find((e) => e.data?.reviewPublished?.id === reviewId)) : arrived,
      10_000, 'the reviewPublished event');
    assert.equal(event.data.reviewPublished.id, reviewId);
    assert.equal(event.errors, undefined);

    await witnessSaw(1);

    // After `complete`, publishing the review again reaches the witness and not the completed subscription.
    unsubscribe();
    await withTimeout(completion, 10_000, 'the subscription to complete');
    const seen = events.length;
    const unpublished = await gql('mutation($id: ID!, $version: Int!) { unpublishReview(input: {id: $id, expectedVersion: $version}) { review { version } errors { code } } }', { id: reviewId, version });
    assert.deepEqual(unpublished.unpublishReview.errors, []);
    version = unpublished.unpublishReview.review.version;
    await publish();
    await witnessSaw(2);
    assert.equal(events.length, seen, `the completed subscription still received ${JSON.stringify(events.slice(seen))}`);
    stopWitness();
    assert.deepEqual(errors, []);
  } finally {
    await ws.dispose();
    if (reviewId) {
      const deleted = await gql('mutation($id: ID!, $version: Int!) { deleteReview(input: {id: $id, expectedVersion: $version}) { errors { code } } }', { id: reviewId, version });
      assert.deepEqual(deleted.deleteReview.errors ?? [], []);
    }
  }
});

test('after complete the server sends nothing more for that operation', { skip: !adminToken && 'HEADLESSREVIEWS_ADMIN_TOKEN is not set' }, async () => {
  // A raw socket: the reference client drops messages for a completed id itself, so it would hide them.
  const raw = await rawSocket();
  let reviewId;
  let version = 0;
  const change = async (mutation) => {
    const data = await gql(`mutation($id: ID!, $version: Int!) { ${mutation}(input: {id: $id, expectedVersion: $version}) { review { version } errors { code } } }`, { id: reviewId, version });
    assert.deepEqual(data[mutation].errors, []);
    version = data[mutation].review.version;
  };
  /** Reads until `until` matches; answers every message read (other suites may publish meanwhile). */
  const readUntil = async (until) => {
    const read = [];
    while (!read.some(until)) read.push(await raw.next());
    return read;
  };
  const ofReview = (id) => (message) => message.type === 'next' && message.id === id && message.payload?.data?.reviewPublished?.id === reviewId;
  try {
    raw.send({ type: 'connection_init', payload: { token: adminToken } });
    assert.equal((await raw.next()).type, 'connection_ack');
    const query = 'subscription { reviewPublished { id } }';
    raw.send({ id: 'live', type: 'subscribe', payload: { query } });
    // A second subscription on the same socket that stays open: it proves a later event went through.
    raw.send({ id: 'witness', type: 'subscribe', payload: { query } });
    // Let both reach the server before publishing (nothing tells a client that a subscription listens).
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const { film } = await gql('{ film(slug: "her") { id } }');
    const created = await gql(
      'mutation($input: CreateReviewInput!) { createReview(input: $input) { review { id version } errors { code } } }',
      { input: { filmId: film.id, byline: 'Conformance Suite', body: 'Written by the graphql-ws conformance test.', verdict: { rating: 'POP', summary: 'A test review.' } } });
    assert.deepEqual(created.createReview.errors, []);
    reviewId = created.createReview.review.id;
    version = created.createReview.review.version;
    await change('publishReview');
    const first = await readUntil(ofReview('live'));
    if (!first.some(ofReview('witness'))) await readUntil(ofReview('witness'));

    raw.send({ id: 'live', type: 'complete' });
    await change('unpublishReview');
    await change('publishReview');
    const later = await readUntil(ofReview('witness'));
    raw.send({ type: 'ping' });
    const upToPong = [...later, ...await readUntil((message) => message.type === 'pong')];
    assert.deepEqual(upToPong.filter((message) => message.id === 'live'), [], 'the completed operation was still sent events');
  } finally {
    raw.socket.terminate();
    if (reviewId) {
      const deleted = await gql('mutation($id: ID!, $version: Int!) { deleteReview(input: {id: $id, expectedVersion: $version}) { errors { code } } }', { id: reviewId, version });
      assert.deepEqual(deleted.deleteReview.errors ?? [], []);
    }
  }
});

test('a ping after connection_ack is answered with pong', async () => {
  const raw = await rawSocket();
  try {
    raw.send({ type: 'connection_init' });
    assert.equal((await raw.next()).type, 'connection_ack');
    raw.send({ type: 'ping' });
    assert.equal((await raw.next()).type, 'pong');
  } finally {
    raw.socket.terminate();
  }
});

test('a malformed message after connection_ack is closed with 4400', async () => {
  const raw = await rawSocket();
  try {
    raw.send({ type: 'connection_init' });
    assert.equal((await raw.next()).type, 'connection_ack');
    raw.send('not json');
    assert.equal((await raw.closed).code, 4400);
  } finally {
    raw.socket.terminate();
  }
});

test('subscribe before connection_init is closed with 4401', async () => {
  const raw = await rawSocket();
  try {
    raw.send({ id: '1', type: 'subscribe', payload: { query: 'subscription { reviewPublished { id } }' } });
    assert.equal((await raw.closed).code, 4401);
  } finally {
    raw.socket.terminate();
  }
});
