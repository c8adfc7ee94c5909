// The kiosk asks the browser for its viewport once it is live, to fit its card grid to the projector, and hears again
// whenever the window changes size (a browser moved to the projector, full screen, a resolution change).
export function viewport() {
  return [window.innerWidth, window.innerHeight];
}

// Tells the page the new viewport after a resize, once the window has stopped changing for a moment.
// Returns a handle whose dispose() stops listening.
export function watch(page, settleMs) {
  let timer = 0;
  let last = `${window.innerWidth}x${window.innerHeight}`;
  const onResize = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = `${window.innerWidth}x${window.innerHeight}`;
      if (now === last) return;
      last = now;
      page.invokeMethodAsync('ViewportChanged', window.innerWidth, window.innerHeight).catch(() => { });
    }, settleMs);
  };
  window.addEventListener('resize', onResize);
  return {
    dispose() {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    },
  };
}

// Scrolls the line of group tabs (not the page) so that the current group's tab is in view, centred when it can be.
export function showCurrentTab() {
  const tab = document.querySelector('.kiosk-groups .kiosk-group-tab.current');
  const line = tab?.parentElement;
  if (!line || line.scrollWidth <= line.clientWidth) return;
  const t = tab.getBoundingClientRect(), l = line.getBoundingClientRect();
  line.scrollLeft += t.left - l.left - (l.width - t.width) / 2;
}
