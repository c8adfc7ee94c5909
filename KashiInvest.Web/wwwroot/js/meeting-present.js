// The presenter's keys: arrow right / PageDown (what presentation clickers send) moves to the next agenda item,
// arrow left / PageUp to the previous one. Keys typed into a field are left alone.
export function listen(dotnet) {
    const handler = e => {
        const t = e.target;
        if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        let step = 0;
        if (e.key === 'ArrowRight' || e.key === 'PageDown') step = 1;
        else if (e.key === 'ArrowLeft' || e.key === 'PageUp') step = -1;
        if (!step) return;
        e.preventDefault();
        dotnet.invokeMethodAsync('StepFromKey', step);
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}
