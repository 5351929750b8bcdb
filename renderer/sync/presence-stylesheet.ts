/**
 * Teammates' colours as a constructed stylesheet (the CSP allows no inline styles; an
 * adopted CSSStyleSheet is CSSOM, which it allows). One small rule set per colour in use:
 * the translucent selection tint, the caret and its name flag, and the avatar background.
 * Colours are validated `#rrggbb` values (presence.ts), so no text from the network reaches
 * the CSS unchecked.
 */
import { colourClass } from './remote-selections-plugin.ts';

const HEX = /^#([0-9a-f]{6})$/i;

/** CSS text for the given colours. */
export function presenceRules(colours: Iterable<string>): string {
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const colour of colours) {
    const match = HEX.exec(colour);
    if (match === null) continue;
    const hex = (match[1] as string).toLowerCase();
    if (seen.has(hex)) continue;
    seen.add(hex);
    const value = Number.parseInt(hex, 16);
    const rgb = `${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}`;
    const name = colourClass(`#${hex}`);
    rules.push(`.remote-selection.${name}{background-color:rgba(${rgb}, 0.22);box-shadow:0 2px 0 rgba(${rgb}, 0.9)}`);
    rules.push(`.remote-caret.${name}{border-color:#${hex}}`);
    rules.push(`.remote-caret.${name}::after{background-color:#${hex}}`);
    rules.push(`.presence-avatar.${name}{background-color:#${hex}}`);
  }
  return rules.join('\n');
}

/** A stylesheet adopted by `target` whose colours can be replaced; `detach` removes it. */
export interface PresenceStylesheet {
  update(colours: Iterable<string>): void;
  detach(): void;
}

/** Adopts an (initially empty) presence stylesheet. */
export function adoptPresenceStylesheet(target: Document = document): PresenceStylesheet {
  const sheet = new CSSStyleSheet();
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  let current = '';
  return {
    update(colours) {
      const next = presenceRules(colours);
      if (next === current) return;
      current = next;
      sheet.replaceSync(next);
    },
    detach() {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    },
  };
}

let shared: PresenceStylesheet | null = null;

/** The page's one presence stylesheet (adopted on first use, kept for the page's life). */
export function sharedPresenceStylesheet(): PresenceStylesheet {
  shared ??= adoptPresenceStylesheet();
  return shared;
}
