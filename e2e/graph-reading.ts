// Reads the live graph as drawn: every text's size after the graph's zoom, what is cut or overlaps, and which boxes
// lie outside the graph's pane. Shared by the legibility and the fitting journeys.
import type { Page } from "@playwright/test";

/** A laptop and a projector or large screen: the sizes the graph must read at. */
export const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

export interface Reading {
  scale: number;
  /** Texts drawn smaller than allowed: what they say, their drawn size in px and the floor. */
  small: Array<{ text: string; px: number; floor: number }>;
  /** Texts whose own box is narrower than what they hold, or that stick out of their box on the graph. */
  cut: string[];
  /** Pairs of boxes or labels that cover each other. */
  overlaps: string[];
  /** Points of a band's caption (the broker's, the event bus's) where something else is drawn over it, and what. */
  crossed: string[];
  texts: number;
  /** Boxes of the graph not wholly inside the graph's pane (hidden behind a panel, or drawn off it). */
  outside: string[];
  /** How much of the pane's width and height the boxes span together: a fitted graph fills one of them. */
  fill: { width: number; height: number };
}

/**
 * Reads what the graph draws, as drawn: every element holding text of its own, its font size times the React Flow
 * viewport's scale (service names ≥ 14 px, the rest ≥ 12 px), whether it fits its own box and its graph box, and whether any
 * two boxes, or two arrow labels, or a label and a box, cover each other, and whether anything is drawn over a band's
 * caption. The bar above the graph is read too.
 */
export async function readGraph(page: Page, floors = { name: 14, text: 12 }): Promise<Reading> {
  return page.evaluate((floors) => {
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")!;
    const scale = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const canvas = document.querySelector(".react-flow")!.getBoundingClientRect();
    const small: Reading["small"] = [];
    const cut: string[] = [];
    const overlaps: string[] = [];
    const hasOwnText = (element: Element) => [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== "");
    const hidden = (element: Element) => element.closest(".visually-hidden") !== null || (element as HTMLElement).offsetParent === null;
    const texts = [...document.querySelectorAll(".graph .react-flow__viewport *, .graph .stack-bar *")].filter((element) => hasOwnText(element) && !hidden(element));
    for (const element of texts) {
      const inGraph = viewport.contains(element);
      const px = parseFloat(getComputedStyle(element).fontSize) * (inGraph ? scale : 1);
      // Names of the shop's services (and modules, and the monolith): 14 px; everything else 12 px.
      const floor = element.closest(".service-node .node-title, .module-node .node-title, .monolith-node .node-title") ? floors.name : floors.text;
      const text = element.textContent!.trim().slice(0, 60);
      if (px < floor - 0.01) small.push({ text, px: Math.round(px * 100) / 100, floor });
      const html = element as HTMLElement;
      if (html.scrollWidth > html.clientWidth + 1 && getComputedStyle(html).display !== "inline") cut.push(`${text} (${html.scrollWidth} > ${html.clientWidth})`);
      if (!inGraph) continue;
      const box = element.getBoundingClientRect();
      // A band's caption is drawn in a layer of its own, above the arrows: it must stay inside its band all the same.
      const caption = element.closest("[data-band-caption]");
      const node = caption ? document.querySelector(`.react-flow__node[data-id="${caption.getAttribute("data-band-caption")}"]`) : element.closest(".react-flow__node");
      // The monolith's and the broker's boxes hold other boxes: their own texts must stay inside them; a leaf's too.
      const frame = node ? node.getBoundingClientRect() : canvas;
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) cut.push(`${text} sticks out of its box`);
      if (box.left < canvas.left - 1 || box.right > canvas.right + 1 || box.top < canvas.top - 1 || box.bottom > canvas.bottom + 1) cut.push(`${text} is outside the graph's area`);
    }
    // Leaf boxes (services, modules, queues, shoppers) never cover each other; arrow labels cover neither a box nor another label.
    const leaves = [...document.querySelectorAll(".react-flow__node")].filter((node) => !/react-flow__node-(broker|bus|monolith)\b/.test(node.className));
    const labels = [...document.querySelectorAll(".graph .edge-labels, .graph [data-band-caption]")];
    const rect = (element: Element) => element.getBoundingClientRect();
    const name = (element: Element) => element.getAttribute("data-id") ?? element.getAttribute("data-band-caption") ?? element.textContent!.trim().slice(0, 30);
    const cover = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const things = [...leaves, ...labels];
    for (let i = 0; i < things.length; i++) {
      for (let j = i + 1; j < things.length; j++) if (cover(rect(things[i]), rect(things[j]))) overlaps.push(`${name(things[i])} × ${name(things[j])}`);
    }
    // Nothing is drawn over a band's caption, an arrow least of all: what is on top at each point of it is the caption.
    // Arrows take no pointer events, so the hit test would look through them: for the reading, their drawn strokes
    // (not the wide invisible band React Flow adds for clicking) are made to answer it.
    const crossed: string[] = [];
    const strokesAnswer = document.createElement("style");
    strokesAnswer.textContent = ".react-flow__edge, .react-flow__edge-path, .edge-dots * { pointer-events: visiblePainted !important; } .react-flow__edge-interaction { pointer-events: none !important; }";
    document.head.append(strokesAnswer);
    for (const caption of document.querySelectorAll(".graph [data-band-caption]")) {
      const box = caption.getBoundingClientRect();
      for (let y = box.top + 2; y <= box.bottom - 2; y += 4) {
        for (let x = box.left + 2; x <= box.right - 2; x += 4) {
          const top = document.elementFromPoint(x, y);
          if (top && !caption.contains(top)) crossed.push(`${name(caption)} at ${Math.round(x - box.left)},${Math.round(y - box.top)}: ${top.closest("[data-id]")?.getAttribute("data-id") ?? top.getAttribute("class") ?? top.tagName}`);
        }
      }
    }
    strokesAnswer.remove();
    const outside = [...document.querySelectorAll(".react-flow__node")]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.left < canvas.left - 1 || box.right > canvas.right + 1 || box.top < canvas.top - 1 || box.bottom > canvas.bottom + 1;
      })
      .map(name);
    const boxes = [...document.querySelectorAll(".react-flow__node")].map((node) => node.getBoundingClientRect());
    const span = (low: (box: DOMRect) => number, high: (box: DOMRect) => number) => Math.max(...boxes.map(high)) - Math.min(...boxes.map(low));
    const fill = { width: span((box) => box.left, (box) => box.right) / canvas.width, height: span((box) => box.top, (box) => box.bottom) / canvas.height };
    return { scale, small, cut, overlaps, crossed: [...new Set(crossed.map((point) => point.replace(/ at \d+,\d+/, "")))], texts: texts.length, outside, fill };
  }, floors);
}

