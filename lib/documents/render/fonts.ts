import fs from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont, PDFHexString } from "pdf-lib";

// The document fonts: Liberation Sans (Arial metrics, as the rules ask for Arial 12 pt) in four styles.
// The files are read once per process; each render embeds the styles it uses as subsets.

export type FontKey = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<FontKey, string> = {
  regular: "LiberationSans-Regular.ttf",
  bold: "LiberationSans-Bold.ttf",
  italic: "LiberationSans-Italic.ttf",
  boldItalic: "LiberationSans-BoldItalic.ttf",
};

export const fontKey = (bold?: boolean, italic?: boolean): FontKey => (bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular");

const bytesCache = new Map<FontKey, Buffer>();
/** The font file, read once: reading 400 KB per render would be most of a render's I/O. */
export function fontBytes(key: FontKey): Buffer {
  let bytes = bytesCache.get(key);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(process.cwd(), "assets", "fonts", FILES[key]));
    bytesCache.set(key, bytes);
  }
  return bytes;
}

// Per-process caches shared by every render: the glyph coverage and the widths of words already measured
// (fontkit's layout per word is the renderer's hottest path, and official letters repeat their words).
const coverage = new Map<FontKey, Set<number>>();
const widths = new Map<FontKey, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 50_000;

export type Fonts = {
  font(key: FontKey): PDFFont;
  /** Width of `text` at `size`; `text` must be clean (see clean()). */
  width(key: FontKey, text: string, size: number): number;
  /** The text with every character the font cannot show replaced by "?", so drawing never throws or shows tofu. */
  clean(key: FontKey, text: string): string;
  /** The glyph string for a text operator; cached per document, as encoding also adds the glyphs to the subset. */
  encode(key: FontKey, text: string): PDFHexString;
};

/**
 * fontkit with its parsed fonts kept per file: pdf-lib parses the font on every embed, and a fresh parse
 * decodes the glyph and layout tables again on first use (most of a render's time). The font object is
 * only read; each embed makes its own subset.
 */
const parsed = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    let font = parsed.get(buffer);
    if (!font) parsed.set(buffer, (font = fontkit.create(buffer, postscriptName)));
    return font;
  },
};

/** The parsed font itself, for glyph outlines (the watermark). */
export const parsedFont = (key: FontKey) => cachingFontkit.create(fontBytes(key));

/** Embeds the styles in `keys` (subset at save) into `doc`. Styles not embedded fall back to regular/bold. */
export async function embedFonts(doc: PDFDocument, keys: Iterable<FontKey>): Promise<Fonts> {
  doc.registerFontkit(cachingFontkit);
  const embedded = new Map<FontKey, PDFFont>();
  for (const key of new Set(keys)) embedded.set(key, await doc.embedFont(fontBytes(key), { subset: true }));
  // A style that was not embedded (no italic in the text) is measured and drawn with its upright sibling.
  const fallback = (key: FontKey): FontKey =>
    embedded.has(key) ? key : embedded.has(key.startsWith("bold") ? "bold" : "regular") ? (key.startsWith("bold") ? "bold" : "regular") : [...embedded.keys()][0];
  const resolved = Object.fromEntries((Object.keys(FILES) as FontKey[]).map((k) => [k, fallback(k)])) as Record<FontKey, FontKey>;
  const keyOf = (key: FontKey): FontKey => resolved[key];
  const font = (key: FontKey): PDFFont => embedded.get(resolved[key])!;

  const encoded = new Map<FontKey, Map<string, PDFHexString>>();

  return {
    font,
    encode(key, text) {
      const k = keyOf(key);
      let cache = encoded.get(k);
      if (!cache) encoded.set(k, (cache = new Map()));
      let hex = cache.get(text);
      if (!hex) cache.set(text, (hex = font(k).encodeText(text)));
      return hex;
    },
    width(key, text, size) {
      const k = keyOf(key);
      let cache = widths.get(k);
      if (!cache) widths.set(k, (cache = new Map()));
      let w = cache.get(text);
      if (w === undefined) {
        w = font(k).widthOfTextAtSize(text, 1);
        if (cache.size > WIDTH_CACHE_LIMIT) cache.clear();
        cache.set(text, w);
      }
      return w * size;
    },
    clean(key, text) {
      const k = keyOf(key);
      let set = coverage.get(k);
      if (!set) coverage.set(k, (set = new Set(font(k).getCharacterSet())));
      let out = "";
      for (const ch of text.normalize("NFC")) {
        if (ch === "\n" || ch === " ") out += ch;
        else if (/\s/.test(ch)) out += ch === "\u00a0" && set.has(0xa0) ? ch : " ";
        else if (/\p{Cc}|\p{Cf}/u.test(ch)) continue; // zero-width and control characters: drop silently
        else out += set.has(ch.codePointAt(0)!) ? ch : "?";
      }
      return out;
    },
  };
}
