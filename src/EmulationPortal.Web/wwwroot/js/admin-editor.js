// Rich-text editing in the admin area with Quill 2 (vendored under /lib/quill, BSD-3-Clause).
// Each textarea.js-rich-text stays the form field that is posted; the editor writes its HTML into it.
// The server sanitizes the HTML before storing it, so nothing here is trusted.
(function () {
    'use strict';
    var script = document.getElementById('admin-editor-script');
    if (!script || typeof window.Quill === 'undefined') {
        return; // Without the editor the plain textarea still works.
    }
    var labels = JSON.parse(script.getAttribute('data-labels') || '{}');
    var uploadUrl = script.getAttribute('data-upload-url');

    // Quill's snow theme writes its tooltip and heading names in CSS, in English: /css/admin-editor.css shows these
    // custom properties instead. Set through the CSSOM: the Content-Security-Policy forbids inline <style>.
    function css(text) {
        return '"' + String(text || '').replace(/["\\]/g, '') + '"';
    }
    var names = {
        '--editor-tooltip-visit': labels.tooltipVisit,
        '--editor-tooltip-edit': labels.tooltipEdit,
        '--editor-tooltip-remove': labels.tooltipRemove,
        '--editor-tooltip-save': labels.tooltipSave,
        '--editor-link-prompt': labels.linkPrompt,
        '--editor-heading-normal': labels.headingNormal,
        '--editor-heading-2': labels.heading2,
        '--editor-heading-3': labels.heading3
    };
    Object.keys(names).forEach(function (name) {
        document.documentElement.style.setProperty(name, css(names[name]));
    });

    function tokenOf(form) {
        var field = form && form.querySelector('input[name="__RequestVerificationToken"]');
        return field ? field.value : '';
    }

    function uploadImage(quill, form) {
        var input = document.createElement('input');
        input.type = 'file';
        input.accept = 'image/jpeg,image/png,.jpg,.jpeg,.png';
        input.addEventListener('change', function () {
            if (!input.files || input.files.length === 0) {
                return;
            }
            var data = new FormData();
            data.append('file', input.files[0]);
            fetch(uploadUrl, {
                method: 'POST',
                body: data,
                credentials: 'same-origin',
                headers: { 'RequestVerificationToken': tokenOf(form) }
            }).then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (body) {
                    if (!response.ok || !body.url) {
                        throw new Error(body.error || labels.uploadFailed);
                    }
                    var range = quill.getSelection(true);
                    quill.insertEmbed(range ? range.index : quill.getLength(), 'image', body.url, 'user');
                });
            }).catch(function (error) {
                window.alert(error.message || labels.uploadFailed);
            });
        });
        input.click();
    }

    document.querySelectorAll('textarea.js-rich-text').forEach(function (textarea) {
        var form = textarea.closest('form');
        var host = document.createElement('div');
        host.className = 'rich-editor bg-white';
        textarea.insertAdjacentElement('afterend', host);
        textarea.classList.add('d-none');
        textarea.setAttribute('aria-hidden', 'true');

        var quill = new window.Quill(host, {
            theme: 'snow',
            modules: {
                toolbar: {
                    container: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote', 'link', 'image'], ['clean']],
                    handlers: { image: function () { uploadImage(quill, form); } }
                }
            }
        });
        quill.clipboard.dangerouslyPasteHTML(textarea.value || '');

        var label = document.querySelector('label[for="' + textarea.id + '"]');
        quill.root.setAttribute('role', 'textbox');
        quill.root.setAttribute('aria-multiline', 'true');
        if (label) {
            if (!label.id) {
                label.id = textarea.id + '-label';
            }
            quill.root.setAttribute('aria-labelledby', label.id);
            label.addEventListener('click', function () { quill.focus(); });
        } else {
            quill.root.setAttribute('aria-label', labels.editorLabel);
        }
        var describedBy = textarea.getAttribute('aria-describedby');
        if (describedBy) {
            quill.root.setAttribute('aria-describedby', describedBy);
        }

        // Vietnamese names for the toolbar buttons (screen readers and tooltips).
        host.previousElementSibling.querySelectorAll('button, .ql-picker-label').forEach(function (button) {
            var name = Array.prototype.find.call(button.classList, function (c) { return c.indexOf('ql-') === 0 && c !== 'ql-picker-label' && c !== 'ql-active'; });
            var key = name ? name.substring(3) : (button.closest('.ql-header') ? 'header' : null);
            if (key && button.value) {
                key = key + '-' + button.value;
            }
            if (key && labels[key]) {
                button.setAttribute('aria-label', labels[key]);
                button.setAttribute('title', labels[key]);
            }
        });

        var sync = function () {
            textarea.value = quill.getText().trim().length === 0 && !quill.root.querySelector('img') ? '' : quill.root.innerHTML;
        };
        quill.on('text-change', sync);
        if (form) {
            form.addEventListener('submit', sync);
        }
    });
}());
