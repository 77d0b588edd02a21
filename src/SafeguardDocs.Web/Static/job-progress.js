// Progress of a background job on its page: asks the server how far it is every second, moves the
// progress bar, and reloads the page when the job has finished (the page then offers the result).
// Without JavaScript the page has a "Refresh" link that does the same.
(function () {
  'use strict';
  var box = document.getElementById('job-progress');
  if (!box) { return; }
  var status = box.getAttribute('data-status');
  var bar = document.getElementById('job-bar');
  var text = document.getElementById('job-state');
  function poll() {
    fetch(status, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return; }
        if (s.finished) { window.location.reload(); return; }
        if (bar && s.total > 0) { bar.max = s.total; bar.value = s.done; }
        if (text && s.words) { text.textContent = s.words; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
