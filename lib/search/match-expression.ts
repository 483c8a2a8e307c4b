// The user's text turned into an FTS5 MATCH expression that can never be a syntax error or a query operator:
// every word becomes a quoted string (inside which FTS5 has no syntax; the tokenizer splits it), the words are
// ANDed, and the last one matches as a prefix so a word typed half-way is found. AND, OR, NOT, NEAR, column
// filters, parentheses and stars in the input are just words or separators.

/** Only the first 100 characters of the input count. */
export const MAX_QUERY_CHARS = 100;
/** More words than this only narrow a result nobody reads; each costs a doclist in the query. */
export const MAX_QUERY_WORDS = 8;
/** A prefix of one character would merge the doclists of a whole letter of the vocabulary. */
const MIN_PREFIX_CHARS = 2;

const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;

export function toMatchExpression(q: string): { expression: string; text: string } | null {
  // By code points, so an emoji or other surrogate pair is never cut in half.
  const text = Array.from(String(q ?? "").normalize("NFC")).slice(0, MAX_QUERY_CHARS).join("");
  const words = text
    .split(/\s+/u)
    .map((w) => w.replace(/"/g, " ").trim())
    .filter((w) => WORD_CHAR.test(w))
    .slice(0, MAX_QUERY_WORDS);
  if (!words.length) return null;
  const expression = words
    .map((word, i) => {
      const last = i === words.length - 1;
      const tail = Array.from(word.match(/[\p{L}\p{N}\p{Co}]+/gu)?.at(-1) ?? "");
      return `"${word}"${last && tail.length >= MIN_PREFIX_CHARS ? "*" : ""}`;
    })
    .join(" ");
  return { expression, text: words.join(" ") };
}
