// Small progressive enhancements; the portal works without script.
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('[data-print]') : null;
        if (target) {
            event.preventDefault();
            window.print();
        }
    });
})();
