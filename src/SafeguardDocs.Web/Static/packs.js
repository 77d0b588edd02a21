// The pack run page: asks the server how far the run has got and updates the bar and counts.
// Without JavaScript the page refreshes itself every few seconds instead (a no-script refresh).
(function () {
  'use strict';
  var run = document.getElementById('pack-run');
  if (!run || !window.fetch) { return; }
  var state = run.getAttribute('data-state');
  if (state !== 'queued' && state !== 'running') { return; }
  var id = run.getAttribute('data-job');
  var bar = document.getElementById('pack-bar');
  var count = document.getElementById('pack-count');
  function poll() {
    fetch('/api/packs/' + id, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { setTimeout(poll, 3000); return; }
        var p = job.progress;
        bar.style.width = p.percent + '%';
        bar.setAttribute('aria-valuenow', String(p.percent));
        if (p.total > 0) {
          count.textContent = p.done + ' of ' + p.total + ' family packs made (' + p.percent + '%)';
        }
        if (job.state !== 'queued' && job.state !== 'running') {
          // Finished: the page itself shows the downloads, the rows not used and what to do next.
          window.location.reload();
          return;
        }
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 300);
}());
