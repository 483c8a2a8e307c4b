import { sqliteTable, integer, text, blob } from "drizzle-orm/sqlite-core";

/**
 * Content-addressed file store: a file's key is the SHA-256 of its bytes, so a file stored twice is kept
 * once and any reference also proves the content. Kept in the same database so a file and the row that
 * points to it commit together; lib/files hides this behind FileStore so it can move to object storage.
 */
export const files = sqliteTable("files", {
  sha256: text("sha256").primaryKey(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  data: blob("data", { mode: "buffer" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
