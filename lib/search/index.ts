import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { DbOrTx } from "@/lib/context";
import { CREATE_SEARCH_ENTRIES, documentEntriesSelect, documentRowid, ENTRY_COLUMNS, letterEntriesSelect, letterRowid } from "./entry-sql";

// Keeping the search index in step with the data. Every write that changes what is searchable calls
// indexDocument / indexLetter inside its own transaction, so the entry can never disagree with a committed row.
// PDF text is extracted before the transaction (lib/search/pdf-text.ts, async) and passed in.

/** Remembers a file's text under its SHA-256; the first extraction of a content-addressed file wins. */
function rememberFileText(tx: DbOrTx, sha256: string | null | undefined, text: string | undefined): void {
  if (!sha256 || text === undefined) return;
  tx.run(sql`insert into search_file_texts (sha256, text) values (${sha256}, ${text}) on conflict (sha256) do nothing`);
}

const documentFileSha = (tx: DbOrTx, documentId: number): string | null =>
  tx.get<{ sha: string | null } | undefined>(sql`select case
      when d.status = 'sent' and d.signed_document_id is not null
        then (select r.file_sha256 from document_revisions r where r.document_id = d.signed_document_id order by r.sequence desc limit 1)
      when d.body_source = 'pdf' then d.body_pdf_sha256
    end as sha from official_documents d where d.id = ${documentId}`)?.sha ?? null;

const letterFileSha = (tx: DbOrTx, letterId: number): string | null =>
  tx.get<{ sha: string | null } | undefined>(sql`select l.file_sha256 as sha from incoming_letters l where l.id = ${letterId}`)?.sha ?? null;

/**
 * (Re)writes the entry of one official document from its row. `pdfText` is the text of the document's current
 * file (the drafter's body PDF, or the final signed PDF once sent); without it, text extracted earlier is kept.
 */
export function indexDocument(tx: DbOrTx, documentId: number, pdfText?: string): void {
  rememberFileText(tx, documentFileSha(tx, documentId), pdfText);
  tx.run(sql`delete from search_entries where rowid = ${documentRowid(documentId)}`);
  tx.run(sql.raw(`insert into search_entries (${ENTRY_COLUMNS}) ${documentEntriesSelect(`d.id = ${Math.trunc(documentId)}`)}`));
}

/** (Re)writes the entry of one incoming letter; `pdfText` is the text of its scan. */
export function indexLetter(tx: DbOrTx, letterId: number, pdfText?: string): void {
  rememberFileText(tx, letterFileSha(tx, letterId), pdfText);
  tx.run(sql`delete from search_entries where rowid = ${letterRowid(letterId)}`);
  tx.run(sql.raw(`insert into search_entries (${ENTRY_COLUMNS}) ${letterEntriesSelect(`l.id = ${Math.trunc(letterId)}`)}`));
}

/**
 * Repopulates the whole index from the tables in one transaction (after a bulk load or a restore). PDF text
 * comes from search_file_texts, so nothing is parsed. The table is dropped and created again rather than
 * emptied: deleting from a regular FTS5 table re-tokenizes every old row to remove it, creating is free.
 * FTS5's 'optimize' then merges the fresh index into one segment, which keeps queries fast.
 */
export function rebuildSearchIndex(db: Db): { documents: number; letters: number } {
  return db.transaction((tx) => {
    tx.run(sql.raw("drop table if exists search_entries"));
    tx.run(sql.raw(CREATE_SEARCH_ENTRIES));
    tx.run(sql.raw(`insert into search_entries (${ENTRY_COLUMNS}) ${documentEntriesSelect("1")}`));
    tx.run(sql.raw(`insert into search_entries (${ENTRY_COLUMNS}) ${letterEntriesSelect("1")}`));
    tx.run(sql`insert into search_entries (search_entries) values ('optimize')`);
    return {
      documents: tx.get<{ n: number }>(sql`select count(*) as n from official_documents`).n,
      letters: tx.get<{ n: number }>(sql`select count(*) as n from incoming_letters`).n,
    };
  });
}
export { extractPdfText } from "./pdf-text";
