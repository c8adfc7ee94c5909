// Print buttons carry data-print instead of an inline onclick, which the Content-Security-Policy (script-src 'self') refuses.
document.addEventListener('click', e => {
    if (e.target instanceof Element && e.target.closest('[data-print]')) window.print();
});
