// Rules as you type. The form works without this script; with it, after each change (debounced) the
// whole case is built from the form, POSTed to /api/validate?wording=form (findings in the form's words), and each finding is shown beside the
// question its JSON path names, with the error summary at the top. Nothing is saved by this script.
(function () {
  'use strict';
  var form = document.getElementById('case-form');
  if (!form || !window.fetch || !window.JSON) { return; }
  var kind = form.getAttribute('data-kind');
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var summary = document.getElementById('error-summary');
  var sequence = 0;
  var timer = null;
  // Findings are shown beside questions the user has answered or changed, and beside those the server
  // already marked; a question not yet reached is not flagged while the user is still typing.
  var touched = new Set();
  var shown = form.querySelectorAll('.app-messages');
  for (var s = 0; s < shown.length; s++) {
    var marked = shown[s].closest('[data-path]');
    if (marked) { touched.add(marked); }
  }

  function tokens(path) {
    var out = [];
    path.replace(/([^.\[\]]+)|\[(\d+)\]/g, function (match, name, index) {
      out.push(index !== undefined ? parseInt(index, 10) : name);
      return match;
    });
    return out;
  }

  function set(root, path, value) {
    var parts = tokens(path);
    var node = root;
    for (var i = 0; i < parts.length - 1; i++) {
      var key = parts[i];
      if (node[key] === undefined || node[key] === null) {
        node[key] = typeof parts[i + 1] === 'number' ? [] : {};
      }
      node = node[key];
    }
    node[parts[parts.length - 1]] = value;
  }

  function field(name) {
    var el = form.elements.namedItem(name);
    return el && typeof el.value === 'string' ? el.value.trim() : '';
  }

  function checked(path) {
    var values = [];
    var inputs = form.querySelectorAll('input[name="' + CSS.escape(path) + '"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) { values.push(inputs[i].value); }
    }
    return values;
  }

  function pad(n, width) { n = String(n); while (n.length < width) { n = '0' + n; } return n; }

  function date(path) {
    var d = field(path + '-day'), m = field(path + '-month'), y = field(path + '-year');
    if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) { return null; }
    var probe = new Date(Date.UTC(+y, +m - 1, +d));
    if (probe.getUTCMonth() !== +m - 1 || probe.getUTCDate() !== +d) { return null; }
    return y + '-' + pad(m, 2) + '-' + pad(d, 2);
  }

  function build() {
    var root = { kind: kind };
    var wrappers = form.querySelectorAll('[data-kind][data-path]');
    for (var i = 0; i < wrappers.length; i++) {
      var path = wrappers[i].getAttribute('data-path');
      var value = null;
      switch (wrappers[i].getAttribute('data-kind')) {
        case 'list':
          var rows = parseInt(field('rows:' + path), 10) || 0;
          if (rows > 0) { value = []; for (var r = 0; r < rows; r++) { value.push({}); } }
          break;
        case 'yesno':
          var yes = checked(path);
          value = yes.length ? yes[0] === 'true' : null;
          break;
        case 'choice':
          var one = checked(path);
          value = one.length ? one[0] : null;
          break;
        case 'choices':
          var many = checked(path);
          value = many.length ? many : null;
          break;
        case 'int':
          var whole = field(path);
          value = /^-?\d+$/.test(whole) ? parseInt(whole, 10) : null;
          break;
        case 'number':
          var number = field(path);
          value = /^-?\d+(\.\d+)?$/.test(number) ? parseFloat(number) : null;
          break;
        case 'lines':
          var lines = field(path).split('\n').map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; });
          value = lines.length ? lines : null;
          break;
        case 'int-lines':
          var numbers = field(path).split('\n').map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; });
          value = numbers.length && numbers.every(function (n) { return /^-?\d+$/.test(n); }) ? numbers.map(function (n) { return parseInt(n, 10); }) : null;
          break;
        case 'date':
          value = date(path);
          break;
        case 'datetime':
          var day = date(path), time = field(path + '-time');
          value = day && /^\d{1,2}:\d{2}$/.test(time) ? day + 'T' + pad(time.split(':')[0], 2) + ':' + time.split(':')[1] + ':00' : null;
          break;
        default:
          var text = field(path);
          value = text.length ? text : null;
      }
      if (value !== null) { set(root, path, value); }
    }
    return root;
  }

  function wrapperFor(jsonPath) {
    var path = jsonPath.indexOf('$.') === 0 ? jsonPath.substring(2) : jsonPath.replace(/^\$/, '');
    while (path.length > 0) {
      var found = form.querySelector('[data-path="' + CSS.escape(path) + '"]');
      if (found) { return found; }
      path = path.substring(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('[')));
    }
    return null;
  }

  function anchorOf(wrapper) {
    var control = wrapper.querySelector('input:not([type=hidden]), textarea, select');
    return wrapper.id || (control ? control.id : 'case-form');
  }

  function show(findings) {
    var old = form.querySelectorAll('.app-messages');
    for (var i = 0; i < old.length; i++) { old[i].parentNode.removeChild(old[i]); }
    var marked = form.querySelectorAll('.govuk-form-group--error, .govuk-input--error, .govuk-textarea--error');
    for (var j = 0; j < marked.length; j++) { marked[j].classList.remove('govuk-form-group--error', 'govuk-input--error', 'govuk-textarea--error'); }
    var list = summary ? summary.querySelector('.govuk-error-summary__list') : null;
    if (list) { list.textContent = ''; }
    var errors = 0;
    var containers = new Map();
    findings.forEach(function (finding) {
      var wrapper = wrapperFor(finding.path);
      var isError = finding.severity === 'error';
      if (!wrapper || !touched.has(wrapper)) { return; }
      if (wrapper) {
        var box = containers.get(wrapper);
        if (!box) {
          box = document.createElement('div');
          box.className = 'app-messages';
          var target = wrapper.querySelector(':scope > fieldset') || wrapper;
          var after = target.querySelector(':scope > .govuk-hint') || target.querySelector(':scope > legend, :scope > label');
          target.insertBefore(box, after ? after.nextSibling : target.firstChild);
          containers.set(wrapper, box);
        }
        var p = document.createElement('p');
        p.className = isError ? 'govuk-error-message' : 'app-warning-message';
        var tag = document.createElement('span');
        tag.className = isError ? 'govuk-visually-hidden' : 'app-warning-message__tag';
        tag.textContent = isError ? 'Error:' : 'Warning';
        p.appendChild(tag);
        p.appendChild(document.createTextNode(' ' + finding.message));
        box.appendChild(p);
        if (isError && wrapper.classList.contains('govuk-form-group')) {
          wrapper.classList.add('govuk-form-group--error');
          var controls = wrapper.querySelectorAll('input.govuk-input, textarea');
          for (var c = 0; c < controls.length; c++) { controls[c].classList.add(controls[c].tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error'); }
        }
      }
      if (isError && list) {
        errors++;
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '#' + (wrapper ? anchorOf(wrapper) : 'case-form');
        a.textContent = finding.message;
        li.appendChild(a);
        list.appendChild(li);
      }
    });
    if (summary) { summary.hidden = errors === 0; }
  }

  function validate() {
    var mine = ++sequence;
    var headers = { 'Content-Type': 'application/json' };
    if (tokenMeta) { headers.RequestVerificationToken = tokenMeta.getAttribute('content'); }
    fetch('/api/validate?wording=form', { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(build()) })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) { if (result && mine === sequence) { show(result.findings); } })
      .catch(function () { /* the form still submits without the script's help */ });
  }

  function changed(event) {
    var wrapper = event && event.target && event.target.closest ? event.target.closest('[data-path]') : null;
    if (wrapper) { touched.add(wrapper); }
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(validate, 300);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.setAttribute('data-live', 'on');
}());
