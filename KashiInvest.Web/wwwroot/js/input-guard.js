// Keeps an over-size value from dropping the page's connection. The circuit accepts messages up to a configured size
// (Limits:CircuitMessageKilobytes); a longer message would close the connection, and after the reconnect the form would
// no longer know what the field shows. So before Blazor sends an input or change event (this listener runs first, in
// the capture phase on window), a value longer than the guard (far above every field's own limit, given by the server
// in <meta name="kashi-input-guard">) is cut to one character more than the guard: the form then receives it and says
// "at most N characters" under the field, and the connection stays.
(() => {
    const meta = document.querySelector('meta[name="kashi-input-guard"]');
    const guard = meta ? parseInt(meta.content, 10) : 0;
    if (!(guard > 0)) return;

    const check = (event) => {
        const field = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
        if (field.value.length <= guard) return;
        field.value = field.value.slice(0, guard + 1);
        field.dataset.inputGuarded = "true";
    };

    window.addEventListener("input", check, true);
    window.addEventListener("change", check, true);
})();
