// Where the texts of a chart's SVG land, estimated without a browser: each <text> (or each
// <tspan> with its own position) as a box from its position, anchor, font size and weight,
// the translations of the groups around it and a turn by -90 degrees (axis titles), its
// width from the charts' own conservative estimate (DejaVu Sans, the widest usual font).
// The browser test measures the same with getBBox().
import { textWidth } from "../../src/report/charts/text-width.js";

export interface TextBox {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const attribute = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

function translation(transform: string | undefined): { x: number; y: number; turned: boolean } {
  const t = transform === undefined ? undefined : /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(transform);
  return { x: Number(t?.[1] ?? 0), y: Number(t?.[2] ?? 0), turned: transform?.includes("rotate(-90)") ?? false };
}

/** The view box of an SVG: width and height. */
export function viewBox(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Every visible text of an SVG as an estimated box (texts inside <title> and <desc> are not drawn). */
export function textBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  const stack: { x: number; y: number }[] = [{ x: 0, y: 0 }];
  const tags = /<(\/?)([a-zA-Z]+)((?:\s[^>]*?)?)(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = tags.exec(svg)) !== null) {
    const [, closing, name, attrs = "", selfClosing] = m;
    if (name === "title" || name === "desc") {
      // skip to the end of the element
      if (!closing) tags.lastIndex = svg.indexOf(`</${name}>`, tags.lastIndex) + name.length + 3;
      continue;
    }
    if (name === "g" || name === "svg") {
      if (closing) stack.pop();
      else if (!selfClosing) {
        const t = translation(attribute(attrs, "transform"));
        const top = stack[stack.length - 1]!;
        stack.push({ x: top.x + t.x, y: top.y + t.y });
      }
      continue;
    }
    if (name !== "text" || closing) continue;
    const end = svg.indexOf("</text>", tags.lastIndex);
    const inner = svg.slice(tags.lastIndex, end);
    tags.lastIndex = end + 7;
    const origin = stack[stack.length - 1]!;
    const size = Number(attribute(attrs, "font-size") ?? 11);
    const bold = ["600", "700", "bold"].includes(attribute(attrs, "font-weight") ?? "");
    const anchor = attribute(attrs, "text-anchor") ?? "start";
    const own = translation(attribute(attrs, "transform"));
    const lines = inner.includes("<tspan")
      ? [...inner.matchAll(/<tspan([^>]*)>([^<]*)<\/tspan>/g)].map((t) => ({ x: Number(attribute(t[1]!, "x") ?? attribute(attrs, "x") ?? 0), y: Number(attribute(t[1]!, "y") ?? attribute(attrs, "y") ?? 0), text: unescape(t[2]!) }))
      : [{ x: Number(attribute(attrs, "x") ?? 0), y: Number(attribute(attrs, "y") ?? 0), text: unescape(inner.replace(/<[^>]*>/g, "")) }];
    for (const line of lines) {
      if (line.text.trim() === "") continue;
      const width = textWidth(line.text, size, bold);
      const along = anchor === "middle" ? -width / 2 : anchor === "end" ? -width : 0;
      const x = origin.x + own.x + line.x;
      const y = origin.y + own.y + line.y;
      boxes.push(
        own.turned
          ? { text: line.text, x0: x - 0.8 * size, x1: x + 0.25 * size, y0: y - along - width, y1: y - along }
          : { text: line.text, x0: x + along, x1: x + along + width, y0: y - 0.8 * size, y1: y + 0.25 * size },
      );
    }
  }
  return boxes;
}

/** Texts that leave the view box. */
export function outside(svg: string): TextBox[] {
  const { width, height } = viewBox(svg);
  return textBoxes(svg).filter((b) => b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > width + 0.5 || b.y1 > height + 0.5);
}

/** Pairs of texts that overlap (by more than `slack` pixels each way). */
export function overlapping(boxes: readonly TextBox[], slack = 0.5): [TextBox, TextBox][] {
  const pairs: [TextBox, TextBox][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The SVG charts of an HTML page, with their `data-chart` kind, declared marks (`data-marks`) and elements of class `mark`. */
export function chartsOf(html: string): { kind: string; marks: number; drawn: number; svg: string }[] {
  return [...html.matchAll(/<svg [\s\S]*?<\/svg>/g)].map(([svg]) => ({
    kind: /data-chart="([^"]+)"/.exec(svg)![1]!,
    marks: Number(/data-marks="(\d+)"/.exec(svg)![1]),
    drawn: [...svg.matchAll(/class="mark[ "]/g)].length,
    svg,
  }));
}
