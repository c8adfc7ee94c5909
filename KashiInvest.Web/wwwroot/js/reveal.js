// A robot message links to one item (/ledger?problem=N, /alerts?alert=N): bring it into view once the page shows it.
export function reveal(selector) {
  const item = document.querySelector(selector);
  if (item) item.scrollIntoView({ block: 'center' });
  return !!item;
}
