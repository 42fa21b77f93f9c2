// The IDE page's script: GraphiQL with the explorer plugin, our fetcher and the example document.
// Everything it needs is bundled; the page loads nothing from another origin.
import './monacoWorkers.js';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './ide.css';
import exampleDocument from './examples.graphql?raw';
import { createFetcher } from './fetcher.js';
import { PlainPunctuation } from './plainPunctuation.js';

// The page is served at the API's own path, so that path (with any proxy prefix) is the endpoint.
const endpoint = window.location.pathname;
// Share links: /graphql?query=…&variables=…&operationName=… open with that operation.
const shared = new URLSearchParams(window.location.search);

// History is GraphiQL's default plugin; passing our own list replaces the default, so name it.
const plugins = [HISTORY_PLUGIN, explorerPlugin()];

createRoot(document.getElementById('graphiql')).render(
  <React.StrictMode>
    <GraphiQL
      fetcher={createFetcher(endpoint)}
      plugins={plugins}
      defaultQuery={exampleDocument}
      initialQuery={shared.get('query') ?? undefined}
      initialVariables={shared.get('variables') ?? undefined}
      operationName={shared.get('operationName') ?? undefined}
      defaultEditorToolsVisibility="headers"
      showPersistHeadersSettings
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>HeadlessReviews</GraphiQL.Logo>
    </GraphiQL>
    {/* Monaco's store is global: this needs no place inside GraphiQL. */}
    <PlainPunctuation />
  </React.StrictMode>,
);
