import type { Inline } from "../content";
import { fontKey, type FontKey, type Fonts } from "./fonts";
import { baselineOf, BODY_SIZE, lineHeightOf } from "./geometry";

// Text flow: word wrap of mixed bold/italic/underline runs into positioned lines. Layout is separate
// from drawing so pagination can look ahead (keep a signature place with the last body line).

/** One run of text drawn with one font at an absolute x. `gray` 0 is black. */
export type Fragment = { x: number; text: string; font: FontKey; size: number; gray?: number };

/** Where a stamped text (number, date) goes on this line; recorded when the line is drawn. */
export type LineSlot = { kind: "number" | "date"; x: number; maxWidth: number; align?: "left" | "center"; prefix?: string };

export type Line = {
  height: number;
  /** From the line's top to its baseline. */
  baseline: number;
  fragments: Fragment[];
  underlines?: { x1: number; x2: number; size: number }[];
  slots?: LineSlot[];
};

export type Align = "left" | "center" | "right" | "justify";
export type Run = { text: string; font: FontKey; underline?: boolean; gray?: number };

type Piece = { text: string; font: FontKey; underline: boolean; gray: number; width: number };
type Word = { pieces: Piece[]; width: number; space: number; spaceUnderline: boolean };
type Token = Word | "break";

export const runsOf = (inlines: Inline[], base: { bold?: boolean; italic?: boolean } = {}): Run[] =>
  inlines.map((i) => ({ text: i.text, font: fontKey(i.bold || base.bold, i.italic || base.italic), underline: i.underline }));

export const plain = (text: string, font: FontKey = "regular", gray?: number): Run[] => [{ text, font, gray }];

/** Words (pieces of different styles glued together when no space separates them) and hard breaks. */
function tokenize(runs: Run[], fonts: Fonts, size: number): Token[] {
  const tokens: Token[] = [];
  let word: Word | null = null;
  let last: Word | null = null;
  for (const run of runs) {
    const text = fonts.clean(run.font, run.text);
    const gray = run.gray ?? 0;
    for (const part of text.split(/(\n| +)/)) {
      if (!part) continue;
      if (part === "\n") {
        word = last = null;
        tokens.push("break");
      } else if (part.startsWith(" ")) {
        // Spaces collapse to one, measured in the style of the text they follow.
        if (word) last = word;
        word = null;
        if (last && last.space === 0) {
          last.space = fonts.width(run.font, " ", size);
          last.spaceUnderline = !!run.underline;
        }
      } else {
        if (!word) {
          word = { pieces: [], width: 0, space: 0, spaceUnderline: false };
          tokens.push(word);
          last = word;
        }
        const width = fonts.width(run.font, part, size);
        word.pieces.push({ text: part, font: run.font, underline: !!run.underline, gray, width });
        word.width += width;
      }
    }
  }
  return tokens;
}

/** A word wider than the line, cut into chunks that fit (URLs, long codes). Measured per character: cheap and linear. */
function splitWord(word: Word, width: number, fonts: Fonts, size: number): Word[] {
  const out: Word[] = [];
  let current: Word = { pieces: [], width: 0, space: 0, spaceUnderline: false };
  for (const piece of word.pieces) {
    let text = "";
    let textWidth = 0;
    for (const ch of piece.text) {
      const w = fonts.width(piece.font, ch, size);
      if (current.width + textWidth + w > width && (text || current.pieces.length)) {
        if (text) current.pieces.push({ ...piece, text, width: textWidth });
        current.width += textWidth;
        out.push(current);
        current = { pieces: [], width: 0, space: 0, spaceUnderline: false };
        text = "";
        textWidth = 0;
      }
      text += ch;
      textWidth += w;
    }
    if (text) {
      current.pieces.push({ ...piece, text, width: textWidth });
      current.width += textWidth;
    }
  }
  current.space = word.space;
  current.spaceUnderline = word.spaceUnderline;
  out.push(current);
  return out;
}

function breakLines(tokens: Token[], width: number, fonts: Fonts, size: number): { words: Word[]; hard: boolean }[] {
  const lines: { words: Word[]; hard: boolean }[] = [];
  let words: Word[] = [];
  let used = 0;
  for (const token of tokens) {
    if (token === "break") {
      lines.push({ words, hard: true });
      words = [];
      used = 0;
      continue;
    }
    const pieces = token.width > width ? splitWord(token, width, fonts, size) : [token];
    for (const word of pieces) {
      const add = (words.length ? words[words.length - 1].space : 0) + word.width;
      if (words.length && used + add > width + 0.01) {
        lines.push({ words, hard: false });
        words = [word];
        used = word.width;
      } else {
        words.push(word);
        used += add;
      }
    }
  }
  lines.push({ words, hard: true });
  return lines;
}

const lineWidth = (words: Word[]) => words.reduce((sum, w, i) => sum + w.width + (i < words.length - 1 ? w.space : 0), 0);

/** Positions the words of one line: merged runs when not justified, one fragment per word when justified. */
function placeLine(words: Word[], x: number, width: number, align: Align, stretch: boolean, size: number): Line {
  const natural = lineWidth(words);
  let start = x;
  if (align === "center") start = x + (width - natural) / 2;
  else if (align === "right") start = x + width - natural;
  const extra = align === "justify" && stretch && words.length > 1 ? (width - natural) / (words.length - 1) : 0;

  const fragments: Fragment[] = [];
  const underlines: { x1: number; x2: number; size: number }[] = [];
  const underline = (x1: number, x2: number) => {
    const prev = underlines[underlines.length - 1];
    if (prev && Math.abs(prev.x2 - x1) < 0.01) prev.x2 = x2;
    else underlines.push({ x1, x2, size });
  };
  let cursor = start;
  words.forEach((word, wi) => {
    word.pieces.forEach((piece, pi) => {
      const prev = fragments[fragments.length - 1];
      // Same style as the previous fragment and nothing stretched in between: extend it (fewer text objects).
      const joinSpace = pi === 0 && wi > 0 && extra === 0;
      const glue = pi > 0 || joinSpace;
      if (glue && prev && prev.font === piece.font && (prev.gray ?? 0) === piece.gray) prev.text += (joinSpace ? " " : "") + piece.text;
      else fragments.push({ x: cursor, text: piece.text, font: piece.font, size, gray: piece.gray || undefined });
      if (piece.underline) underline(cursor, cursor + piece.width);
      cursor += piece.width;
    });
    if (wi < words.length - 1) {
      const gap = word.space + extra;
      const next = words[wi + 1].pieces[0];
      if (word.spaceUnderline && word.pieces[word.pieces.length - 1].underline && next?.underline) underline(cursor, cursor + gap);
      cursor += gap;
    }
  });
  return { height: lineHeightOf(size), baseline: baselineOf(size), fragments, underlines: underlines.length ? underlines : undefined };
}

/**
 * Wraps runs into lines within [x, x + width]. Always returns at least one line (an empty paragraph keeps
 * its height, as drafters use empty paragraphs for spacing).
 */
export function layoutRuns(runs: Run[], fonts: Fonts, opts: { x: number; width: number; align?: Align; size?: number }): Line[] {
  const size = opts.size ?? BODY_SIZE;
  const width = Math.max(opts.width, size);
  const tokens = tokenize(runs, fonts, size);
  return breakLines(tokens, width, fonts, size).map((l) => placeLine(l.words, opts.x, width, opts.align ?? "left", !l.hard, size));
}

/** Widths for table column sizing: the widest unbreakable word, and the whole text on one line. */
export function measureRuns(runs: Run[], fonts: Fonts, size = BODY_SIZE): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const line of breakLines(tokenize(runs, fonts, size), Infinity, fonts, size)) {
    max = Math.max(max, lineWidth(line.words));
    for (const w of line.words) min = Math.max(min, w.width);
  }
  return { min, max };
}

export const emptyLine = (size = BODY_SIZE, height = lineHeightOf(size)): Line => ({ height, baseline: baselineOf(size), fragments: [] });
