// The console's keyboard: "/" to search, j/k or arrows through the queue's rows (Enter opens the focused row's case),
// and a command bar button's letter (data-shortcut); while a dialog is open, only the dialog's keys.

// Keys of the topmost dialog, wherever the focus is (the dialog's focus trap may hold it outside the form):
// Enter confirms a command dialog, the photo viewer pages and zooms.
// CommandDialog hears Enter itself inside its form, so here only what it cannot hear: the focus elsewhere, or on a
// radio button or checkbox, which keep Enter to themselves.
const viewerKeys = { ArrowRight: 'data-photo-next', ArrowLeft: 'data-photo-previous', '+': 'data-zoom-in', '=': 'data-zoom-in', '-': 'data-zoom-out', '0': 'data-zoom-reset' };
document.addEventListener('keydown', e => {
    if (e.altKey || e.metaKey) return;
    const dialogs = document.querySelectorAll('.mud-dialog');
    const dialog = dialogs[dialogs.length - 1];
    if (!dialog) return;
    const target = e.target instanceof Element ? e.target : null;
    if (dialog.querySelector('[data-photo-viewer]')) {
        const button = viewerKeys[e.key] && dialog.querySelector(`[${viewerKeys[e.key]}]`);
        if (button && !e.ctrlKey) {
            e.preventDefault();
            if (!button.disabled) button.click();
        }
        return;
    }
    if (e.key !== 'Enter' || e.shiftKey || !target) return;
    const toggle = target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');
    if (!toggle && (target.closest('[data-dialog-keys], textarea, button, a, .mud-select, .mud-picker, .mud-popover-open') || !dialog.querySelector('[data-dialog-keys]'))) return;
    const confirm = dialog.querySelector('.mud-dialog-actions [data-command]');
    if (confirm && !confirm.disabled) {
        e.preventDefault();
        confirm.click();
    }
}, true);

// A click anywhere on a queue row opens its case through the row's own link: one navigation, one history entry.
document.addEventListener('click', e => {
    const target = e.target;
    if (!(target instanceof Element) || e.button !== 0 || target.closest('a, button, input')) return;
    target.closest('[data-queue] tbody tr.mud-table-row')?.querySelector('a[href]')?.click();
});

document.addEventListener('keydown', e => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (document.querySelector('.mud-dialog-container')) return;
    const target = e.target;
    // Down from the search box goes on to the rows it found.
    if (e.key === 'ArrowDown' && target instanceof Element && target.closest('[data-queue-search]')) {
        const first = document.querySelector('[data-queue] tbody tr.mud-table-row a[href]');
        if (first) {
            e.preventDefault();
            markCurrent(first.closest('tr'));
            first.focus();
        }
        return;
    }
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable=true], .mud-popover-open')) return;

    if (e.key === '/') {
        const search = document.querySelector('[data-queue-search] input');
        if (search) {
            e.preventDefault();
            search.focus();
            search.select();
        }
        return;
    }

    const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[e.key];
    const rows = [...document.querySelectorAll('[data-queue] tbody tr.mud-table-row')].filter(r => r.querySelector('a[href]'));
    if (step && rows.length > 0) {
        e.preventDefault();
        const current = rows.findIndex(r => r.contains(document.activeElement));
        const next = rows[current < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step))];
        markCurrent(next);
        next.querySelector('a[href]').focus();
        next.scrollIntoView({ block: 'nearest' });
        return;
    }

    if (e.key.length === 1) {
        const button = document.querySelector(`.cc-command-bar [data-shortcut="${CSS.escape(e.key.toLowerCase())}"]`);
        if (button && !button.disabled) {
            e.preventDefault();
            button.click();
        }
    }
});

function markCurrent(row) {
    document.querySelectorAll('[data-queue] tr.cc-row-current').forEach(r => r.classList.remove('cc-row-current'));
    row.classList.add('cc-row-current');
}

// A file the page made on the server (an export with its reason given), handed to the browser as a download.
window.ccDownload = async (fileName, content) => {
    const url = URL.createObjectURL(new Blob([await content.arrayBuffer()]));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
};
