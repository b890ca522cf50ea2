// Small progressive enhancements; the portal works without script.
// No view carries inline script or event handlers (the Content-Security-Policy forbids them): behaviour is declared
// with data- attributes and wired here.
(function () {
    'use strict';

    // <button data-print>: prints the page.
    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('[data-print]') : null;
        if (target) {
            event.preventDefault();
            window.print();
        }
    });

    // data-confirm="question" on a submit button or on its form: asks before the form is sent.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement)) {
            return;
        }
        var submitter = event.submitter;
        var question = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    });
})();
