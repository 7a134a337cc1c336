// The console's only script of its own (CSP allows no inline script). Pages work without it; it adds the copy
// button, confirmations, and the reload that signs in again when an htmx request finds the session over.
(function () {
  'use strict';

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = button.parentElement.querySelector('.copied');
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      if (status) {
        status.textContent = 'Copied.';
      }
    }, function () {
      if (status) {
        status.textContent = 'Copy failed: select the secret and copy it by hand.';
      }
    });
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // Progress: the button says the form is on its way, and cannot send it twice.
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.setAttribute('aria-busy', 'true');
      setTimeout(function () { button.disabled = true; }, 0);
    }
  });

  // quarkus-oidc answers an htmx request of an ended session with 499 (HtmxRequests): sign in as a page does.
  document.addEventListener('htmx:responseError', function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });
})();

// Charts (uPlot, served by the console): the numbers come from the page's own data attributes, which a table on
// the same page shows too. A daily chart (class daily-chart) names its series in data-series (each one's numbers
// in data-<name>, one per day of data-days) and their legends in data-labels.
(function () {
  'use strict';
  var PALETTE = ['#116329', '#7d4e00', '#8c1d18', '#0b5cad'];
  function numbers(el, name) {
    var text = el.getAttribute(name) || '';
    return text === '' ? [] : text.split(',').map(Number);
  }
  function drawDaily(el) {
    var days = (el.getAttribute('data-days') || '').split(',').filter(Boolean)
      .map(function (d) { return Date.parse(d + 'T00:00:00Z') / 1000; });
    var names = (el.getAttribute('data-series') || '').split(',');
    var labels = (el.getAttribute('data-labels') || '').split(',');
    var width = Math.max(280, Math.min(el.parentElement.clientWidth, 1100));
    new window.uPlot({
      width: width,
      height: 260,
      series: [{}].concat(labels.map(function (label, i) {
        return { label: label, stroke: PALETTE[i % PALETTE.length], width: 2 };
      })),
      axes: [{}, { label: el.getAttribute('data-unit') || 'requests' }],
    }, [days].concat(names.map(function (name) { return numbers(el, 'data-' + name); })), el);
  }
  function draw() {
    if (!window.uPlot) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('.daily-chart'), drawDaily);
  }
  // Requests per project as bars, from the table under the chart (its rows are the numbers): x is the project's
  // position, its name the axis label.
  function drawProjects() {
    var el = document.getElementById('usage-projects-chart');
    if (!el || !window.uPlot) {
      return;
    }
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-project]'));
    var names = rows.map(function (r) { return r.cells[0].textContent; });
    var requests = rows.map(function (r) { return Number(r.cells[1].textContent); });
    var width = Math.max(280, Math.min(el.parentElement.clientWidth, 1100));
    new window.uPlot({
      width: width,
      height: 220,
      scales: { x: { time: false, range: [-0.5, names.length - 0.5] }, y: { range: [0, null] } },
      series: [
        { label: 'project', value: function (u, i) { return i == null ? '--' : names[Math.round(i)]; } },
        { label: 'requests', stroke: '#0b5cad', fill: 'rgba(11, 92, 173, 0.35)', width: 1,
          paths: window.uPlot.paths.bars({ size: [0.6, 80] }), points: { show: false } },
      ],
      axes: [
        { splits: function () { return names.map(function (n, i) { return i; }); },
          values: function (u, splits) { return splits.map(function (i) { return names[i]; }); } },
        { label: 'requests' },
      ],
      legend: { show: false },
    }, [names.map(function (n, i) { return i; }), requests], el);
  }
  function drawAll() {
    draw();
    drawProjects();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
