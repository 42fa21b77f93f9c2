// The graphql-ws reference client (graphql-transport-ws) against the live service: a query over the
// socket, and a bad token in connection_init closed with 4403 Forbidden.
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
