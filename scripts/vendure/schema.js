// Prints the Shop API schema (SDL) of a running Vendure, for the adapter's build-time checked
// queries: `make vendure-schema` writes it to src/commerce/vendure/shop-api.graphql.
//   node schema.js http://127.0.0.1:3100/shop-api
'use strict';
const { getIntrospectionQuery, buildClientSchema, printSchema } = require('graphql');

(async () => {
  const res = await fetch(process.argv[2] || 'http://127.0.0.1:3100/shop-api', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data, errors } = await res.json();
  if (errors) throw new Error(JSON.stringify(errors));
  process.stdout.write(printSchema(buildClientSchema(data)) + '\n');
})().catch((e) => {
  console.error(`schema: ${e.message}`);
  process.exit(1);
});
