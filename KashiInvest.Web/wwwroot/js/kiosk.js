// The kiosk asks the browser for its viewport once it is live, to fit its card grid to the projector.
export function viewport() {
  return [window.innerWidth, window.innerHeight];
}
