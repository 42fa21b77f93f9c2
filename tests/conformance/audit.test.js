// The graphql-http audit suite (GraphQL-over-HTTP spec conformance) against the live service.
// A failed MUST is an error and a failed SHOULD a warning in its results: both fail here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';

const url = `${process.env.HEADLESSREVIEWS_URL}/graphql`;

for (const audit of serverAudits({ url })) {
  test(`${audit.id} ${audit.name}`, async () => {
    const result = await audit.fn();
    if (result.status === 'notice') return; // a MAY the service chose not to do
    assert.equal(result.status, 'ok', `${result.reason ?? ''} ${result.response ? await describe(result.response) : ''}`);
  });
}

async function describe(response) {
  const body = await response.clone().text().catch(() => '');
  return `(HTTP ${response.status} ${response.headers.get('content-type')}: ${body.slice(0, 300)})`;
}
