// The graphql-sse reference client (GraphQL over Server-Sent Events, distinct connections mode)
// against the live service: a query streamed as next + complete, and a validation error delivered
// as a result with errors on the accepted stream, as the protocol requires.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'graphql-sse';

const url = process.env.HEADLESSREVIEWS_URL + '/graphql';

function client() {
  return createClient({ url, singleConnection: false, retryAttempts: 0 });
}

async function collect(sse, payload) {
  const results = [];
  for await (const result of sse.iterate(payload)) results.push(result);
  return results;
}

test('graphql-sse runs a query over an event stream', async () => {
  const sse = client();
  try {
    assert.deepEqual(await collect(sse, { query: '{ film(slug: "her") { title } }' }), [{ data: { film: { title: 'Her' } } }]);
  } finally {
    sse.dispose();
  }
});

test('graphql-sse receives a validation error as a result with errors', async () => {
  const sse = client();
  try {
    const results = await collect(sse, { query: '{ noSuchField }' });
    assert.equal(results.length, 1);
    assert.equal(results[0].data, undefined);
    assert.ok(results[0].errors?.length > 0);
  } finally {
    sse.dispose();
  }
});
