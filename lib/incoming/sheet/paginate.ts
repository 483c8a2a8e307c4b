import type { Item, PageStart } from "@/lib/documents/render/flow";

// Pagination for a form. The document renderer's paginate() moves a block that does not fit to the next
// page whole (right for a letter's table rows); a form's boxes instead fill the page and continue on the
// next under their repeated header row, so a long list does not leave half a page empty.

/** The least of a box worth starting at a page's end, and the least carried over with what it is kept with. */
const MIN_PART = 44;
const MIN_CARRY = 30;
const EPS = 0.01;

/** The item with those it is kept with; a splittable one counts only for the part that must come along. */
function chainHeight(items: Item[], i: number): number {
  let height = items[i].height;
  for (let j = i; items[j].keepWithNext && j + 1 < items.length; j++) {
    const next = items[j + 1];
    height += next.spaceBefore + (next.split ? Math.min(next.height, MIN_PART) : next.height);
    if (next.split) break;
  }
  return height;
}

/** Places the items, starting new pages through `newPage`; returns the number of pages used. */
export function paginateForm(items: Item[], newPage: (index: number) => PageStart): number {
  const queue = [...items];
  let index = 0;
  let { ctx, top: cursor } = newPage(0);
  let placed = 0;
  for (let i = 0; i < queue.length; ) {
    const item = queue[i];
    const { top, bottom } = ctx.geometry;
    const gap = placed === 0 ? 0 : item.spaceBefore;
    const room = bottom - cursor - gap;
    const chain = chainHeight(queue, i);
    const fits = item.height <= room + EPS;
    if (!fits || (chain > room + EPS && chain <= bottom - top)) {
      // A box fills what is left of the page; one that fits but not with what it is kept with leaves
      // its tail to go along.
      const cut = fits ? item.height - MIN_CARRY : room;
      const parts = item.split && cut >= MIN_PART ? item.split(cut) : null;
      if (parts) {
        queue.splice(i, 1, ...parts);
        continue;
      }
      if (placed > 0) {
        index += 1;
        ({ ctx, top: cursor } = newPage(index));
        placed = 0;
        if (item.header) {
          item.header.draw(ctx, cursor);
          cursor += item.header.height;
        }
        continue;
      }
      // First on its page and still too tall: cut it to the page, or place it as it is.
      const whole = item.split && !fits ? item.split(room) : null;
      if (whole) {
        queue.splice(i, 1, ...whole);
        continue;
      }
    }
    item.draw(ctx, cursor + gap);
    cursor += gap + item.height;
    placed += 1;
    i += 1;
  }
  return index + 1;
}
