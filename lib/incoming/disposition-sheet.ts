import { PDFDocument } from "pdf-lib";
import type { Letterhead } from "@/lib/documents/render/render-input";
import { embedFonts, type Fonts } from "@/lib/documents/render/fonts";
import { geometryFor, type Geometry } from "@/lib/documents/render/geometry";
import { lineItem, pageContext, type Item, type Sink } from "@/lib/documents/render/flow";
import { layoutRuns, plain, type Line } from "@/lib/documents/render/lines";
import { markerColumn, withMarker } from "@/lib/documents/render/markers";
import { labelColumn, rowLines } from "@/lib/documents/render/rows";
import { drawPageNumber } from "@/lib/documents/render/furniture";
import { drawLetterhead, embedLogo } from "@/lib/documents/render/letterhead";
import { paginateForm } from "./sheet/paginate";
import { boxRow, CHECKBOX, gapEntry, PAD_X, ruleEntry, stackItem, textEntry, type Cell, type Entry } from "./sheet/cells";

// The printable disposition sheet (lembar disposisi): the agency's kop, the title, the letter's details,
// "Diteruskan kepada" beside the instructions with their checkboxes, the note and deadline, and the
// disposer's date, position and name. With no disposition yet it is a blank form to fill by hand.

export type DispositionSheetInput = {
  paperSize: "A4" | "F4";
  letterhead: Letterhead;
  /** Dates already formatted, e.g. "28 November 2026". */
  letter: {
    senderAgency: string;
    senderName: string;
    letterNumber: string;
    letterDate: string;
    receivedDate: string;
    agendaNumber: string;
    securityLabel: string;
    /** "Segera", "Amat Segera"; "" or "Biasa" when not urgent. Printed with the security label under "Sifat". */
    urgencyLabel: string;
    subject: string;
    /** Isi ringkas; printed when not empty. */
    summary: string;
  };
  /** The first disposition (or null for a blank sheet to fill by hand). */
  disposition: {
    toPositions: string[];
    /** The instructions in the agency's order; the ticked ones are crossed and printed bold. */
    instructions: { label: string; ticked: boolean }[];
    note: string;
    deadline: string | null;
    disposerName: string;
    disposerPosition: string;
    dateLabel: string;
  } | null;
  /** For a blank sheet only: the agency's instruction list, printed with empty boxes; absent means lines to write on. */
  blankInstructions?: string[];
};

const SIZE = 11;
const TITLE_SIZE = 14;
const SECTION_GAP = 10;
const ENTRY_GAP = 2;
const RULE_HEIGHT = 20;
const BLANK_POSITIONS = 5;
const BLANK_INSTRUCTION_LINES = 8;
const BLANK_NOTE_LINES = 4;
/** The share of the width for the left column of the details and of the disposition box. */
const DETAILS_LEFT = 0.54;
const DISPOSITION_LEFT = 0.44;

type Env = { input: DispositionSheetInput; fonts: Fonts; g: Geometry };

const text = (env: Env, value: string, x: number, width: number, font: "regular" | "bold" = "regular", align: "left" | "center" = "left"): Line[] =>
  layoutRuns(plain(value, font), env.fonts, { x, width, align, size: SIZE });

const orDash = (value: string | null | undefined) => (value ?? "").trim() || "-";

/** "Sifat": the security label with the urgency, "Biasa" dropped when the other says more. */
export function sifatLabel(securityLabel: string, urgencyLabel: string): string {
  const parts = [...new Set([securityLabel, urgencyLabel].map((s) => s.trim()).filter(Boolean))];
  const telling = parts.length > 1 ? parts.filter((p) => p.toLocaleLowerCase("id-ID") !== "biasa") : parts;
  return orDash(telling.join(", "));
}

function titleItems(env: Env): Item[] {
  const { g, fonts } = env;
  return layoutRuns(plain("LEMBAR DISPOSISI", "bold"), fonts, { x: g.left, width: g.textWidth, align: "center", size: TITLE_SIZE }).map((line) => lineItem(line, 0, true));
}

/** Label : value rows; a pair side by side where both fit in a few lines, else each on the full width. */
function detailItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const l = input.letter;
  const sender = [...new Set([l.senderAgency, l.senderName].map((s) => s.trim()).filter(Boolean))].join(", ");
  const pairs: [string, string][][] = [
    [
      ["Surat dari", sender],
      ["Diterima tanggal", l.receivedDate],
    ],
    [
      ["Nomor surat", l.letterNumber],
      ["Nomor agenda", l.agendaNumber],
    ],
    [
      ["Tanggal surat", l.letterDate],
      ["Sifat", sifatLabel(l.securityLabel, l.urgencyLabel)],
    ],
  ];
  const full: [string, string][] = [["Hal", l.subject]];
  if (l.summary.trim()) full.push(["Isi ringkas", l.summary]);

  const leftWidth = Math.round(g.textWidth * DETAILS_LEFT);
  const rightLabel = labelColumn(pairs.map((p) => p[1][0]), fonts, SIZE);
  const cell = ([label, value]: [string, string], x: number, width: number, labelWidth: number): Cell => {
    const lines = rowLines([{ label, value: (vx, vw) => text(env, orDash(value), vx, vw) }], fonts, { x: x + PAD_X, width: width - 2 * PAD_X, labelWidth, size: SIZE });
    return { x, width, entries: lines.flat().map((line) => textEntry(line)) };
  };
  const fits = (labelWidth: number) => (pair: [string, string][]) =>
    cell(pair[0], g.left, leftWidth, labelWidth).entries.length <= 3 && cell(pair[1], g.left + leftWidth, g.textWidth - leftWidth, rightLabel).entries.length <= 2;
  // The colons of the left column and of full-width rows line up: a right-hand label moved to the full
  // width ("Diterima tanggal") widens the label column.
  let leftLabel = labelColumn([...pairs.map((p) => p[0][0]), ...full.map(([label]) => label)], fonts, SIZE);
  const sideBySide = pairs.map(fits(leftLabel));
  if (sideBySide.includes(false)) leftLabel = labelColumn([...pairs.flat(), ...full].map(([label]) => label), fonts, SIZE);

  const items: Item[] = [];
  const row = (cells: Cell[]) => items.push(boxRow(cells, { spaceBefore: items.length ? 0 : SECTION_GAP + 2, keepWithNext: true }));
  pairs.forEach(([left, right], i) => {
    if (sideBySide[i]) row([cell(left, g.left, leftWidth, leftLabel), cell(right, g.left + leftWidth, g.textWidth - leftWidth, rightLabel)]);
    else {
      row([cell(left, g.left, g.textWidth, leftLabel)]);
      row([cell(right, g.left, g.textWidth, leftLabel)]);
    }
  });
  for (const pair of full) row([cell(pair, g.left, g.textWidth, leftLabel)]);
  items[items.length - 1].keepWithNext = false;
  return items;
}

/** Numbered entries ("1." before each) with hanging indents; a single entry without a number. */
function numberedEntries(env: Env, entries: string[], x: number, width: number): Entry[] {
  if (entries.length === 1) return text(env, entries[0], x, width).map((line) => textEntry(line));
  const markers = entries.map((_, i) => `${i + 1}.`);
  const column = markerColumn(markers, env.fonts, SIZE);
  return entries.flatMap((entry, i) => [
    ...(i > 0 ? [gapEntry(ENTRY_GAP)] : []),
    ...withMarker(text(env, entry, x + column, width - column), markers[i], x, SIZE).map((line) => textEntry(line)),
  ]);
}

function blankRules(env: Env, count: number, x: number, width: number, numbered: boolean): Entry[] {
  const markers = Array.from({ length: count }, (_, i) => `${i + 1}.`);
  const column = numbered ? markerColumn(markers, env.fonts, SIZE) : 0;
  return markers.map((marker) => ruleEntry(x + column, x + width, RULE_HEIGHT, numbered ? text(env, marker, x, column)[0] : undefined));
}

function instructionEntries(env: Env, instructions: { label: string; ticked: boolean }[], x: number, width: number): Entry[] {
  const textX = x + CHECKBOX.size + CHECKBOX.gap;
  return instructions.flatMap((instruction, i) => {
    const lines = text(env, instruction.label, textX, x + width - textX, instruction.ticked ? "bold" : "regular");
    return [
      ...(i > 0 ? [gapEntry(ENTRY_GAP)] : []),
      ...lines.map((line, k) => textEntry(line, k === 0 ? { x, ticked: instruction.ticked, fontSize: SIZE } : undefined)),
    ];
  });
}

/** "Diteruskan kepada" beside the instructions, under a header row repeated when the box continues on a page. */
function dispositionItems(env: Env): Item[] {
  const { input, g } = env;
  const d = input.disposition;
  const leftWidth = Math.round(g.textWidth * DISPOSITION_LEFT);
  const columns = [
    { x: g.left, width: leftWidth },
    { x: g.left + leftWidth, width: g.textWidth - leftWidth },
  ];
  const inner = (c: { x: number; width: number }) => ({ x: c.x + PAD_X, width: c.width - 2 * PAD_X });
  const [left, right] = columns.map(inner);

  const heads = ["Diteruskan kepada:", "Instruksi:"];
  const header = boxRow(
    columns.map((c, i) => ({ ...c, entries: text(env, heads[i], inner(c).x, inner(c).width, "bold").map((line) => textEntry(line)) })),
    { spaceBefore: SECTION_GAP, keepWithNext: true },
  );

  let positions: Entry[];
  let instructions: Entry[];
  if (d) {
    const to = d.toPositions.map((p) => p.trim()).filter(Boolean);
    positions = to.length ? numberedEntries(env, to, left.x, left.width) : numberedEntries(env, ["-"], left.x, left.width);
    const list = d.instructions.filter((i) => i.label.trim());
    instructions = list.length ? instructionEntries(env, list, right.x, right.width) : numberedEntries(env, ["-"], right.x, right.width);
  } else {
    positions = blankRules(env, BLANK_POSITIONS, left.x, left.width, true);
    const choices = (input.blankInstructions ?? []).map((l) => l.trim()).filter(Boolean);
    instructions = choices.length
      ? instructionEntries(env, choices.map((label) => ({ label, ticked: false })), right.x, right.width)
      : blankRules(env, BLANK_INSTRUCTION_LINES, right.x, right.width, false);
  }
  const body = boxRow(
    [
      { ...columns[0], entries: positions },
      { ...columns[1], entries: instructions },
    ],
    { header: { ...header, spaceBefore: 0, keepWithNext: false } },
  );
  return [header, body];
}

function noteItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const d = input.disposition;
  const x = g.left + PAD_X;
  const width = g.textWidth - 2 * PAD_X;
  const entries: Entry[] = text(env, "Catatan:", x, width, "bold").map((line) => textEntry(line));
  if (d) entries.push(...text(env, orDash(d.note), x, width).map((line) => textEntry(line)));
  else entries.push(...blankRules(env, BLANK_NOTE_LINES, x, width, false));
  entries.push(gapEntry(6));
  const deadlineLabel = "Batas waktu";
  const labelWidth = labelColumn([deadlineLabel], fonts, SIZE);
  if (d) {
    const lines = rowLines([{ label: deadlineLabel, value: (vx, vw) => text(env, orDash(d.deadline), vx, vw) }], fonts, { x, width, labelWidth, size: SIZE }).flat();
    entries.push(...lines.map((line) => textEntry(line)));
  } else {
    const [lead] = rowLines([{ label: deadlineLabel, value: () => [] }], fonts, { x, width, labelWidth, size: SIZE }).flat();
    const ruleX = x + labelWidth + fonts.width("regular", ":", SIZE) + 6;
    entries.push(ruleEntry(ruleX, x + width, RULE_HEIGHT, lead));
  }
  // Kept with the signature block after it: the block never starts a page alone.
  return [boxRow([{ x: g.left, width: g.textWidth, entries }], { spaceBefore: SECTION_GAP, keepWithNext: true })];
}

function signatureItems(env: Env): Item[] {
  const { input, g, fonts } = env;
  const d = input.disposition;
  const x = g.columnX;
  const width = g.columnWidth;
  const entries: Entry[] = [];
  if (d) {
    entries.push(...text(env, orDash(d.dateLabel), x, width).map((line) => textEntry(line)));
    entries.push(...text(env, `${orDash(d.disposerPosition)},`, x, width).map((line) => textEntry(line)));
    entries.push(gapEntry(36));
    entries.push(...text(env, orDash(d.disposerName), x, width, "bold").map((line) => textEntry(line)));
  } else {
    const labels = ["Tanggal", "Jabatan", "Nama"];
    const labelWidth = labelColumn(labels, fonts, SIZE);
    for (const label of labels) {
      const [line] = rowLines([{ label, value: () => [] }], fonts, { x, width, labelWidth, size: SIZE }).flat();
      entries.push(ruleEntry(x + labelWidth + fonts.width("regular", ":", SIZE) + 6, x + width, RULE_HEIGHT, line));
      if (label === "Jabatan") entries.push(gapEntry(30));
    }
  }
  return [stackItem(entries, 18)];
}

/** The lembar disposisi as a PDF: one page for a usual letter, continuing on more when the content is long. */
export async function renderDispositionSheet(input: DispositionSheetInput): Promise<Buffer> {
  const g = geometryFor(input.paperSize);
  const doc = await PDFDocument.create();
  const now = new Date();
  const agenda = input.letter.agendaNumber.trim();
  doc.setTitle(agenda ? `Lembar Disposisi ${agenda}` : "Lembar Disposisi", { showInWindowTitleBar: true });
  doc.setSubject(input.letter.subject.trim() || "Lembar Disposisi");
  doc.setProducer("Kawan");
  doc.setCreator("Kawan");
  doc.setLanguage("id-ID");
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  const fonts = await embedFonts(doc, ["regular", "bold"]);
  const logo = await embedLogo(doc, input.letterhead.logo);
  const env: Env = { input, fonts, g };
  const items = [...titleItems(env), ...detailItems(env), ...dispositionItems(env), ...noteItems(env), ...signatureItems(env)];

  const sink: Sink = { slot: () => {}, signature: () => {} };
  paginateForm(items, (index) => {
    const page = doc.addPage([g.width, g.height]);
    const ctx = pageContext(page, index, g, fonts, sink);
    if (index === 0) return { ctx, top: drawLetterhead(ctx, input.letterhead, logo) };
    drawPageNumber(page, index, fonts, g);
    return { ctx, top: g.top };
  });
  return Buffer.from(await doc.save());
}
