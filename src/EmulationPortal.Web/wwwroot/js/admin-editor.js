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

    // Quill's snow theme writes its tooltip and heading names in CSS, in English: replace them.
    function css(text) {
        return '"' + String(text || '').replace(/["\\]/g, '') + '"';
    }
    var style = document.createElement('style');
    style.textContent =
        '.ql-snow .ql-tooltip::before{content:' + css(labels.tooltipVisit) + '}' +
        '.ql-snow .ql-tooltip a.ql-action::after{content:' + css(labels.tooltipEdit) + '}' +
        '.ql-snow .ql-tooltip a.ql-remove::before{content:' + css(labels.tooltipRemove) + '}' +
        '.ql-snow .ql-tooltip.ql-editing a.ql-action::after{content:' + css(labels.tooltipSave) + '}' +
        '.ql-snow .ql-tooltip[data-mode=link]::before{content:' + css(labels.linkPrompt) + '}' +
        '.ql-snow .ql-picker.ql-header .ql-picker-label::before,.ql-snow .ql-picker.ql-header .ql-picker-item::before{content:' + css(labels.headingNormal) + '}' +
        '.ql-snow .ql-picker.ql-header .ql-picker-label[data-value="2"]::before,.ql-snow .ql-picker.ql-header .ql-picker-item[data-value="2"]::before{content:' + css(labels.heading2) + '}' +
        '.ql-snow .ql-picker.ql-header .ql-picker-label[data-value="3"]::before,.ql-snow .ql-picker.ql-header .ql-picker-item[data-value="3"]::before{content:' + css(labels.heading3) + '}';
    style.textContent += '.rich-editor .ql-editor{min-height:16rem;font-size:1rem;line-height:1.6}';
    document.head.appendChild(style);

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
