// Text from a scenario or a file, on its way to a terminal. A scenario from anywhere may
// carry control characters in its title, names or descriptions: ESC sequences that move
// the cursor, clear the screen, set the window title or, on some terminals, write files
// or answer back as if typed. Every control character (C0, DEL and C1, ESC among them) is
// shown as a visible escape instead, `\x1b`; newlines stay where a block of text has them.

/** Control characters but the newline: C0 (tab included), DEL and C1. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
/** Every control character, the newline too. */
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/g;

const visible = (character: string) => `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`;

/**
 * `text` safe to print on a terminal: each control character replaced by a visible
 * escape (`\x1b` for ESC). Newlines are kept unless `oneLine` (for a field shown on a
 * line of its own, where a newline would forge another line).
 *
 * @example
 * ```ts
 * terminalText("\x1b[2JTitle"); // "\\x1b[2JTitle"
 * terminalText("a\nb", { oneLine: true }); // "a\\x0ab"
 * ```
 */
export function terminalText(text: string, { oneLine = false }: { readonly oneLine?: boolean } = {}): string {
  return text.replace(oneLine ? CONTROL_OR_NEWLINE : CONTROL, visible);
}
