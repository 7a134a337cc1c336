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
