// A layout check that runs inside the page, the same function for Chromium (playwright-core)
// and Firefox (puppeteer-core): it lists every visible element that sticks out of the box it
// sits in, out of the window, overlaps a sibling, or whose content is clipped. Issue 22: the
// Ukrainian do-not-disturb button stuck out of its row by a few pixels and nobody's test saw it.

export interface LayoutCheckOptions {
  /** The options page scrolls as a whole; the popup must fit its window (its list scrolls inside). */
  windowScrolls: boolean;
}

/**
 * Runs in the page: self-contained, no closures, no imports (it is serialized to the browser).
 * Returns one line per problem, naming the element by a short CSS-like path and its text.
 */
export function findLayoutProblems(options: LayoutCheckOptions): string[] {
  // Half a pixel: sub-pixel rounding differs between engines and is invisible.
  const SLACK = 0.5;
  const problems: string[] = [];
  const win = { width: document.documentElement.clientWidth, height: window.innerHeight };

  const name = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`).join('');
      const test = e.getAttribute('data-testid');
      parts.unshift(`${e.tagName.toLowerCase()}${cls}${test ? `[data-testid=${test}]` : ''}`);
    }
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${parts.join(' > ')}${text ? ` "${text}"` : ''}`;
  };
  const px = (n: number) => `${Math.round(n * 10) / 10}px`;

  // Hidden on purpose: not rendered (a closed <details> keeps boxes for its content), invisible,
  // or the visually-hidden pattern (1×1 and clipped).
  const hidden = (el: Element, style: CSSStyleDeclaration, rect: DOMRect): boolean =>
    !el.checkVisibility({ visibilityProperty: true }) ||
    (rect.width <= 1 && rect.height <= 1) ||
    (style.position === 'absolute' && style.clip !== 'auto' && style.clip !== '') ||
    el.getClientRects().length === 0;

  const scrollsY = (style: CSSStyleDeclaration) => style.overflowY === 'auto' || style.overflowY === 'scroll';
  const clipsX = (style: CSSStyleDeclaration) => style.overflowX !== 'visible';
  // Form controls scroll their own value (a long URL in an input is normal); their insides are not checked.
  const control = (el: Element) => el.matches('input, select, textarea, option');

  const visit = (el: Element, parentBox: DOMRect | null, parentStyle: CSSStyleDeclaration | null, insideScroller: boolean): void => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (hidden(el, style, rect)) return;
    const contents = style.display === 'contents';
    const inline = style.display === 'inline';
    const floating = style.position === 'absolute' || style.position === 'fixed';

    if (!contents) {
      // Out of the window: sideways always; downwards only where the window may not scroll.
      if (rect.left < -SLACK || rect.right > win.width + SLACK) problems.push(`${name(el)} sticks out of the window sideways (${px(rect.left)}…${px(rect.right)} of ${px(win.width)})`);
      if (!options.windowScrolls && !insideScroller && rect.bottom > win.height + SLACK) problems.push(`${name(el)} is below the window (bottom ${px(rect.bottom)} of ${px(win.height)})`);

      // Out of the box it sits in (the nearest ancestor that has a box).
      if (parentBox && parentStyle && !floating) {
        const right = rect.right - parentBox.right;
        const left = parentBox.left - rect.left;
        if (right > SLACK || left > SLACK) {
          problems.push(`${name(el)} sticks out of its container sideways by ${px(Math.max(right, left))}${clipsX(parentStyle) ? ' and is clipped' : ''}`);
        }
        // Inline boxes are as tall as the font, not the line, so only boxes are checked downwards.
        const below = rect.bottom - parentBox.bottom;
        if (!inline && !scrollsY(parentStyle) && below > SLACK) problems.push(`${name(el)} sticks out of its container downwards by ${px(below)}`);
      }

      // Content wider than the element itself: clipped, or a sideways scroll bar.
      if (!control(el) && !inline && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && clipsX(style)) {
        problems.push(`${name(el)} clips its content (${el.scrollWidth}px wide in ${el.clientWidth}px)`);
      }

      // Text that runs past its own element (a nowrap label in a box too small for it).
      if (!control(el)) {
        for (const node of el.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const text = range.getBoundingClientRect();
          const over = Math.max(text.right - rect.right, rect.left - text.left);
          if (over > SLACK + 0.5) problems.push(`${name(el)}: its text runs ${px(over)} past its edge`);
        }
      }

      // Siblings laid out side by side or stacked must not cover one another.
      if (!control(el) && !inline) {
        const boxes = [...el.children]
          .map((child) => ({ child, style: getComputedStyle(child), rect: child.getBoundingClientRect() }))
          .filter((c) => !hidden(c.child, c.style, c.rect) && c.style.display !== 'inline' && c.style.display !== 'contents' && c.style.position === 'static');
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.rect;
            const b = boxes[j]!.rect;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > SLACK + 0.5 && h > SLACK + 0.5) problems.push(`${name(boxes[i]!.child)} overlaps ${name(boxes[j]!.child)} (${px(w)} × ${px(h)})`);
          }
        }
      }
    }

    if (control(el)) return;
    const nextBox = contents ? parentBox : rect;
    const nextStyle = contents ? parentStyle : style;
    const nextScroller = insideScroller || (!contents && scrollsY(style));
    for (const child of el.children) visit(child, nextBox, nextStyle, nextScroller);
  };

  // The page itself must not scroll sideways.
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px wide in ${document.documentElement.clientWidth}px)`);
  }
  for (const child of document.body.children) visit(child, null, null, false);
  return problems;
}

/**
 * The check as an expression for `page.evaluate` in either driver. A string, because the test
 * transpiler may wrap inner functions in a `__name` helper that does not exist in the page.
 */
export function layoutCheckExpression(options: LayoutCheckOptions): string {
  return `(() => { const __name = (f) => f; return (${findLayoutProblems.toString()})(${JSON.stringify(options)}); })()`;
}

export function describeLayoutProblems(where: string, problems: string[]): string {
  return `layout problems on ${where}:\n  ${problems.join('\n  ')}`;
}
