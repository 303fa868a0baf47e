/**
 * Text writes for elements whose text follows the store without rendering (see `useViews.ts`).
 * Each element gets one text node of its own, remembered with the text it holds, so that a write
 * touches the DOM only when the text changes, and then only that node's data (much cheaper than
 * replacing children with `textContent`). The element must have no other children.
 */

interface Slot {
  readonly node: Text;
  text: string;
}

const slots = new WeakMap<Element, Slot>();

/**
 * Sets an element's text.
 * @example setText(label, '64×284×284')
 */
export function setText(element: HTMLElement, text: string): void {
  const slot = slots.get(element);
  if (slot && slot.node.parentNode === element) {
    if (slot.text !== text) {
      slot.node.data = text;
      slot.text = text;
    }
    return;
  }
  const node = document.createTextNode(text);
  element.replaceChildren(node);
  slots.set(element, { node, text });
}
