// The agenda strip is at most two rows tall and scrolls: keep the item this screen shows (else the presenter's) in view.
export function reveal(strip) {
  if (!strip) return;
  const item = strip.querySelector('.mt-strip-item.viewing') || strip.querySelector('.mt-strip-item.live');
  if (!item) return;
  const top = item.offsetTop, bottom = top + item.offsetHeight;
  if (top < strip.scrollTop) strip.scrollTop = Math.max(0, top - 4);
  else if (bottom > strip.scrollTop + strip.clientHeight) strip.scrollTop = bottom - strip.clientHeight + 4;
}
