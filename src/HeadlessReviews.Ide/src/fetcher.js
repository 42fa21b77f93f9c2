// How the IDE talks to the API: queries and mutations as GraphQL over HTTP (POST to the page's own
// path), subscriptions over the same path as a `graphql-transport-ws` WebSocket. The headers the
// editor types are sent with each POST and, since browsers cannot set headers on a WebSocket, as
// the `connection_init` payload (names lower-cased: `{ "authorization": "Bearer …" }`).
import { createClient } from 'graphql-ws';
import { getOperationAST, parse } from 'graphql';

const acceptedMediaTypes = 'application/graphql-response+json, application/json;q=0.9';

export function createFetcher(endpoint) {
  const socketUrl = new URL(endpoint, window.location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  // One socket per set of headers: a new token means a new identity, so a new connection.
  let socket = null;
  const socketFor = (headers) => {
    const connectionParams = lowerCaseNames(headers);
    const key = JSON.stringify(connectionParams);
    if (socket?.key !== key) {
      socket?.client.dispose();
      socket = { key, client: createClient({ url: socketUrl.href, connectionParams, lazy: true, retryAttempts: 3 }) };
    }
    return socket.client;
  };

  return (request, options) => {
    const headers = options?.headers ?? {};
    return isSubscription(request)
      ? socketFor(headers).iterate(request)
      : postOverHttp(endpoint, request, headers);
  };
}

async function postOverHttp(endpoint, request, headers) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { Accept: acceptedMediaTypes, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(request),
    credentials: 'omit',
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's error page or an empty body: show what came back rather than a parse error.
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}` }] };
  }
}

function isSubscription({ query, operationName }) {
  try {
    return getOperationAST(parse(query), operationName || undefined)?.operation === 'subscription';
  } catch {
    return false; // the server reports the syntax error
  }
}

function lowerCaseNames(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
