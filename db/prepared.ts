// Queries run on every request (the session, the check-in) built once per connection: drizzle otherwise rebuilds
// their SQL text from the query builder on each call, which the 07.30 rush profile showed costing a fifth of a
// check-in. A prepared query takes its values as sql.placeholder() parameters. It may run inside a transaction
// of the same connection (better-sqlite3 is synchronous: the statement sees the transaction's writes).

type Connection = { session: { client: object } };
const perConnection = new WeakMap<object, Map<string, unknown>>();

export function prepared<Q>(db: unknown, key: string, build: () => Q): Q {
  const client = (db as Connection).session.client;
  let queries = perConnection.get(client);
  if (!queries) perConnection.set(client, (queries = new Map()));
  let query = queries.get(key) as Q | undefined;
  if (!query) queries.set(key, (query = build()));
  return query;
}
