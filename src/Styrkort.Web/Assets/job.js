// Follows a queued job without the page refreshing itself every second, which takes the place and focus away from
// someone reading it with a screen reader or a magnifier (WCAG 2.2.1; the <noscript> refresh remains without script):
// asks /api/jobs/ID once a second, shows the step as it changes, and loads the page once more when the job has
// finished, for its result.
(function () {
    const state = document.getElementById('job-state');
    if (!state || !state.dataset.job || state.dataset.finished === 'true') return;
    const url = '/api/jobs/' + encodeURIComponent(state.dataset.job);
    async function poll() {
        try {
            const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const job = await response.json();
                if (job.finishedAtUtc) { location.reload(); return; }
                const step = document.getElementById('job-step');
                if (step && job.step) step.textContent = '– ' + job.step;
            }
        } catch (e) {
            // A network hiccup: the next poll asks again.
        }
        setTimeout(poll, 1000);
    }
    setTimeout(poll, 1000);
})();
