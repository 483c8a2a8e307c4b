import "server-only";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return process.env.DATABASE_PATH || path.join(process.cwd(), "data", "kawan.db");
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Opens a database file with the pragmas every connection needs.
 * synchronous=FULL: with WAL, NORMAL can lose the last acknowledged commits on a power failure; an office
 * letter or a check-in that the user saw as saved must survive one, and the cost is one fsync per commit.
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = FULL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  // 64 MiB of page cache per connection instead of SQLite's 2 MiB: a leader's inbox search reads thousands of
  // document rows, which then stay in memory (measured by npm run bench: 27 ms -> single digits).
  client.pragma("cache_size = -65536");
  cacheStatements(client);
  return drizzle(client, { schema }) as Db;
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

const globalForDb = globalThis as unknown as { kawanDb?: Db };

/** The process-wide connection, opened lazily so that `next build` never touches the database. */
export function getDb(): Db {
  if (!globalForDb.kawanDb) globalForDb.kawanDb = openDatabase(databasePath());
  return globalForDb.kawanDb;
}
