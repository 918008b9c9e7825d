// dispatchlib web page: a note's popover opens beside the button that opened it, under it (or
// over it, where the window has no room below), and follows it while the page scrolls. Without
// this script the popover opens at the foot of the window (page.css).
(() => {
  let opener = null;
  let open = null;
  const place = () => {
    if (!open || !opener || !open.matches(":popover-open")) return;
    const at = opener.getBoundingClientRect();
    const size = open.getBoundingClientRect();
    const below = at.bottom + 4;
    const above = at.top - 4 - size.height;
    const top = below + size.height <= innerHeight || above < 0 ? below : above;
    const left = Math.max(8, Math.min(at.left, innerWidth - size.width - 8));
    open.style.inset = `${top}px auto auto ${left}px`;
    open.style.margin = "0";
  };
  document.addEventListener("click", (event) => {
    opener = event.target instanceof Element ? event.target.closest("button.peek") : null;
  }, true);
  document.addEventListener("toggle", (event) => {
    if (!(event.target instanceof Element) || !event.target.matches(".note-popover")) return;
    open = event.newState === "open" ? event.target : null;
    place();
  }, true);
  addEventListener("scroll", place, { passive: true });
  addEventListener("resize", place);
})();
