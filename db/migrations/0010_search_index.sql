-- Full-text search (lib/search). The text of a PDF (a scanned letter, a signed document) is kept once per file,
-- keyed by the file's SHA-256 like the file store, so rebuilding the index never parses a PDF again.
CREATE TABLE `search_file_texts` (
	`sha256` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
-- One FTS5 table for naskah dinas and surat masuk; rowid = id * 2 for a naskah, id * 2 + 1 for a letter.
-- A regular (not contentless, not external-content) table: snippet() needs the text, the PDF text exists in no
-- other table in this shape, and an entry is replaced by deleting and inserting its rowid, with none of the
-- "delete with the exact old values" bookkeeping an external-content table needs to stay consistent. The cost is
-- a second copy of subject, number, sender and summary, which are short.
-- unicode61 with remove_diacritics 2 so "Perusahaan" finds "perusahaan" and accented names match plain ones;
-- prefix indexes of 2 and 3 characters so a word typed half-way ("angg") is found without scanning the vocabulary.
CREATE VIRTUAL TABLE `search_entries` USING fts5(
	title, number, sender, body, file_text,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
-- Backfill from the rows that exist; PDF text arrives with the next write of each object (no file text exists yet).
INSERT INTO search_entries (rowid, title, number, sender, body, file_text)
SELECT d.id * 2,
	replace(replace(coalesce(d.subject, ''), char(2), ' '), char(3), ' '),
	replace(replace(coalesce(d.number, ''), char(2), ' '), char(3), ' '),
	replace(replace(coalesce((select p.name || ' ' || u.name from positions p join units u on u.id = p.unit_id where p.id = d.drafter_position_id), ''), char(2), ' '), char(3), ' '),
	replace(replace(coalesce(d.summary || ' ' || coalesce((select group_concat(j.value, ' ') from json_tree(case when json_valid(d.body) then d.body else '[]' end) j where j.key = 'text' and j.type = 'text'), ''), ''), char(2), ' '), char(3), ' '),
	''
FROM official_documents d;
--> statement-breakpoint
INSERT INTO search_entries (rowid, title, number, sender, body, file_text)
SELECT l.id * 2 + 1,
	replace(replace(coalesce(l.subject, ''), char(2), ' '), char(3), ' '),
	replace(replace(coalesce(l.letter_number || ' ' || l.agenda_number, ''), char(2), ' '), char(3), ' '),
	replace(replace(coalesce(l.sender_agency || ' ' || l.sender_name, ''), char(2), ' '), char(3), ' '),
	replace(replace(coalesce(l.summary, ''), char(2), ' '), char(3), ' '),
	''
FROM incoming_letters l;
