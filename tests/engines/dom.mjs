// The page-side half of the smoke flows: one function run inside the page by every
// driver (Playwright's evaluate, WebDriver's executeScript), so Chromium, Firefox and
// WebKit find elements, read texts and set values the same way. Elements are found by
// `data-testid` through open shadow roots (embed.js mounts widgets in them); `scope` is
// the index of a `[data-rapor]` host on an embedding page, or null for the whole page.

/** Runs in the page: `op` on the `nth` element with `testid` inside `scope`. */
export function dom(op, testid, nth, scope, value) {
  const all = (root, selector) => {
    const found = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(el.shadowRoot, selector));
    return found;
  };
  if (op === 'clip') {
    // Text to copy with the browser's own Ctrl+C, as from a spreadsheet: selected in a
    // scratch field (Firefox gives a script-made clipboard event no data at all).
    const scratch = document.createElement('textarea');
    scratch.id = 'rapor-test-clip';
    scratch.style.cssText = 'position:fixed;top:0;left:0;width:4em;height:2em';
    scratch.value = value;
    document.body.append(scratch);
    scratch.focus();
    scratch.select();
    return { value: true };
  }
  if (op === 'unclip') { document.getElementById('rapor-test-clip')?.remove(); return { value: true }; }
  let root = document;
  if (scope !== null) {
    const host = all(document, '[data-rapor]')[scope];
    if (!host) return { missing: `[data-rapor] #${scope}` };
    root = host.shadowRoot ?? host;
  }
  if (op === 'testids') return { value: all(root, `[data-testid^="${testid}"]`).map((e) => e.dataset.testid) };
  const list = all(root, `[data-testid="${testid}"]`);
  if (op === 'count') return { value: list.length };
  const el = list[nth];
  if (!el) return { missing: `${testid} #${nth}` };
  switch (op) {
    case 'element': return el; // for WebDriver, which types into it with real keys
    case 'text': return { value: el.textContent };
    case 'value': return { value: el.value };
    case 'open': return { value: Boolean(el.open) };
    case 'visible': {
      const box = el.getBoundingClientRect();
      return { value: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden' };
    }
    case 'click': el.click(); return { value: true };
    case 'focus': el.focus(); return { value: true };
    case 'select': {
      // What a user's pick does: the value, then the events a browser fires for it.
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return { value: el.value === value };
    }
    case 'type': {
      // Typing as an input method would: the whole text at once, one input event.
      el.focus();
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set;
      setter.call(el, value);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return { value: true };
    }
    default: return { missing: `operation ${op}` };
  }
}
