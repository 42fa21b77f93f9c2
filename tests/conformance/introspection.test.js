// Schema tools introspect with graphql-js's own query: it must pass the depth and cost limits and
// build a client schema that has our types (as codegen, GraphiQL and Apollo tooling do).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const url = `${process.env.HEADLESSREVIEWS_URL}/graphql`;

async function introspect(options) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery(options) }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body.errors));
  assert.equal(body.errors, undefined);
  return buildClientSchema(body.data);
}

test('graphql-js introspection (defaults) builds the client schema', async () => {
  const schema = await introspect();
  assert.ok(schema.getType('Review'));
  assert.ok(schema.getSubscriptionType()?.getFields().reviewPublished);
});

test('graphql-js introspection with descriptions, repeatable directives and the schema description', async () => {
  const schema = await introspect({ descriptions: true, directiveIsRepeatable: true, schemaDescription: true });
  assert.match(schema.description ?? '', /HeadlessReviews/);
  assert.match(printSchema(schema), /type Query/);
});
