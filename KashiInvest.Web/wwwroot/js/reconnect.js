// Keeps a screen alive across network drops and server restarts, unattended (a projector, a kiosk):
// shows a banner while the circuit is reconnecting, keeps retrying after Blazor gives up, and reloads the page
// when the server is back but no longer knows the circuit, so the page re-reads its state and never shows stale data.
(() => {
    const banner = document.getElementById("components-reconnect-modal");
    if (!banner) return;
    const retryEveryMs = 3000;
    let timer = null;

    const show = (state) => {
        banner.dataset.state = state;
        banner.hidden = state === "hide";
    };

    const stopRetrying = () => { if (timer) { clearInterval(timer); timer = null; } };

    const retry = async () => {
        try {
            const reconnected = await Blazor.reconnect();
            if (reconnected) { stopRetrying(); show("hide"); return; }
            // The server answered but the circuit is gone (restarted): start afresh.
            stopRetrying();
            show("reloading");
            location.reload();
        } catch {
            // Server still unreachable: keep trying.
        }
    };

    banner.addEventListener("components-reconnect-state-changed", (event) => {
        const state = event.detail.state;
        if (state === "show" || state === "retrying") show("reconnecting");
        else if (state === "hide") { stopRetrying(); show("hide"); }
        else if (state === "failed" || state === "paused" || state === "resume-failed") {
            show("offline");
            if (!timer) timer = setInterval(retry, retryEveryMs);
        } else if (state === "rejected") {
            show("reloading");
            location.reload();
        }
    });
})();
