// What one search entry holds, as SQL over the real tables. The incremental path (index.ts, one row inside the
// write's transaction) and the rebuild (INSERT ... SELECT over every row) run the very same SELECT, so an entry
// written after an edit and one written by a rebuild are equal by construction.
//
// One FTS5 table holds both kinds; the kind lives in the rowid's lowest bit (rowid = id * 2 for a naskah,
// id * 2 + 1 for a surat masuk), so an entry is replaced and joined by rowid alone (an UNINDEXED kind/id column
// could not be looked up without scanning the table), and bm25 scores of both kinds come from one corpus and
// can be sorted together.
//
// PDF text (lib/search/pdf-text.ts) is kept in search_file_texts keyed by the file's SHA-256: files are
// content-addressed, so the text of a file is extracted once and a rebuild needs no PDF parsing at all.

export const NASKAH_BIT = 0;
export const SURAT_BIT = 1;

export const documentRowid = (documentId: number) => documentId * 2 + NASKAH_BIT;
export const letterRowid = (letterId: number) => letterId * 2 + SURAT_BIT;

/** Snippet markers: control characters that never survive into an entry (clean() replaces them). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** The text without the snippet markers, so no stored text can forge a highlight. */
const clean = (expr: string) => `replace(replace(coalesce(${expr}, ''), char(2), ' '), char(3), ' ')`;

/** The final PDF of a sent document (its last signed revision); before that, the drafter's uploaded body PDF. */
const documentFileSha = (d: string) => `case
  when ${d}.status = 'sent' and ${d}.signed_document_id is not null
    then (select r.file_sha256 from document_revisions r where r.document_id = ${d}.signed_document_id order by r.sequence desc limit 1)
  when ${d}.body_source = 'pdf' then ${d}.body_pdf_sha256
end`;

const fileText = (shaExpr: string) => `(select t.text from search_file_texts t where t.sha256 = (${shaExpr}))`;

/** rowid, title, number, sender, body, file_text of official documents; `where` filters `d`. */
export function documentEntriesSelect(where: string): string {
  return `select d.id * 2 + ${NASKAH_BIT},
    ${clean("d.subject")},
    ${clean("d.number")},
    ${clean("(select p.name || ' ' || u.name from positions p join units u on u.id = p.unit_id where p.id = d.drafter_position_id)")},
    ${clean("d.summary || ' ' || coalesce((select group_concat(j.value, ' ') from json_tree(case when json_valid(d.body) then d.body else '[]' end) j where j.key = 'text' and j.type = 'text'), '')")},
    ${clean(fileText(documentFileSha("d")))}
  from official_documents d where ${where}`;
}

/** The same for incoming letters: a letter delivered inside Kawan carries its document's final PDF text. */
export function letterEntriesSelect(where: string): string {
  return `select l.id * 2 + ${SURAT_BIT},
    ${clean("l.subject")},
    ${clean("l.letter_number || ' ' || l.agenda_number")},
    ${clean("l.sender_agency || ' ' || l.sender_name")},
    ${clean("l.summary")},
    ${clean(fileText(`coalesce(l.file_sha256, (select ${documentFileSha("od")} from official_documents od where od.id = l.official_document_id))`))}
  from incoming_letters l where ${where}`;
}

export const ENTRY_COLUMNS = "rowid, title, number, sender, body, file_text";

/** The table as migration 0010 creates it; the rebuild creates it again the same way. */
export const CREATE_SEARCH_ENTRIES = `create virtual table search_entries using fts5(
  title, number, sender, body, file_text,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
)`;
