// How wide a text will be, without a DOM to measure it: per-character advance widths of
// DejaVu Sans (the widest of the usual sans-serif fonts, and what Debian's Chromium uses
// for system-ui), so that an estimate holds for the narrower fonts a reader may have
// (Segoe UI, Roboto, Helvetica, Arial), plus a 3% margin. Labels laid out with it stay
// inside their chart and apart from each other in any of them.

/** Widths in hundredths of an em of the characters from " " (32) to "~" (126), regular. */
const REGULAR =
  "32,40,46,84,64,95,78,27,39,39,50,84,32,36,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,53," +
  "100,68,69,70,77,63,58,77,75,29,29,66,56,86,75,79,60,79,69,63,61,73,68,99,69,61,69,39,34,39,84,50," +
  "50,61,63,55,63,62,35,63,63,28,28,58,28,97,63,61,63,63,41,52,39,63,59,82,59,59,52,64,34,64,84";

/** The same, bold. */
const BOLD =
  "35,46,52,84,70,100,87,31,46,46,52,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,58," +
  "100,77,76,73,83,68,68,82,84,37,37,77,64,100,84,85,73,85,77,72,68,81,77,110,77,72,73,46,37,46,84,50," +
  "50,67,72,59,72,68,44,72,71,34,34,67,34,104,71,69,72,72,49,60,48,71,65,92,65,65,58,71,37,71,84";

const parse = (table: string) => table.split(",").map((w) => Number(w) / 100);
let regular: number[] | undefined;
let bold: number[] | undefined;

/** Characters outside ASCII that charts write, in em (the same regular and bold). */
const OTHER: Readonly<Record<string, number>> = { "–": 0.5, "—": 1, "…": 1, "≈": 0.84, "×": 0.84, "·": 0.38, "±": 0.84, "≤": 0.84, "≥": 0.84, "●": 0.87, "→": 0.84, "’": 0.38, "−": 0.84 };

/** Safety margin over DejaVu Sans's widths. */
const MARGIN = 1.03;

/**
 * Estimated width in pixels of a text set in `fontSize` pixels: an upper bound for the
 * usual sans-serif fonts (characters this table does not know count 1 em).
 */
export function textWidth(text: string, fontSize: number, isBold = false): number {
  const table = isBold ? (bold ??= parse(BOLD)) : (regular ??= parse(REGULAR));
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    em += code >= 32 && code <= 126 ? table[code - 32]! : (OTHER[char] ?? 1);
  }
  return em * fontSize * MARGIN;
}

/** A text shortened (with an ellipsis) to fit in `width` pixels; unchanged when it fits. */
export function fitText(text: string, width: number, fontSize: number, isBold = false): string {
  if (textWidth(text, fontSize, isBold) <= width) return text;
  const chars = [...text];
  let kept = chars.length;
  while (kept > 1 && textWidth(`${chars.slice(0, kept).join("")}…`, fontSize, isBold) > width) kept--;
  return `${chars.slice(0, kept).join("")}…`;
}

/**
 * A text broken at spaces into lines of at most `width` pixels, at most `maxLines` of them
 * (the last shortened with an ellipsis when the text does not fit); a word longer than a
 * line is shortened too.
 */
export function wrapText(text: string, width: number, fontSize: number, isBold = false, maxLines = 3): string[] {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const candidate = line === "" ? words[i]! : `${line} ${words[i]}`;
    if (line === "" || textWidth(candidate, fontSize, isBold) <= width) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines - 1) {
      // the last line takes the rest, shortened
      line = words.slice(i).join(" ");
      break;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines.map((l) => fitText(l, width, fontSize, isBold));
}
