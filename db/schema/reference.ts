import { sqliteTable, text, index } from "drizzle-orm/sqlite-core";

/** Archive classification codes (Permendagri 83/2022), e.g. 800.1.2.1. */
export const classificationCodes = sqliteTable(
  "classification_codes",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    parentCode: text("parent_code"),
  },
  (t) => [index("classification_codes_parent").on(t.parentCode)],
);
