// Draws the dashboard's charts with Chart.js from the JSON block named by each canvas's data-chart attribute.
// The same figures are always in a table next to the chart, so the page says everything without script.
(function () {
    'use strict';
    if (typeof window.Chart !== 'function') {
        return;
    }

    var colours = ['#a31d1d', '#5c5147', '#8a6d1d', '#2f5d8a'];
    var locale = 'vi-VN';

    function format(value, percent) {
        if (value === null || value === undefined) {
            return '—';
        }
        var text = Number(value).toLocaleString(locale, { maximumFractionDigits: 1 });
        return percent ? text + ' %' : text;
    }

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var source = document.getElementById(canvas.getAttribute('data-chart'));
        if (!source) {
            return;
        }
        var data;
        try {
            data = JSON.parse(source.textContent || '{}');
        } catch (e) {
            return;
        }
        var line = data.type === 'line';
        new window.Chart(canvas, {
            type: line ? 'line' : 'bar',
            data: {
                labels: data.labels,
                datasets: (data.series || []).map(function (s, i) {
                    var colour = colours[i % colours.length];
                    return {
                        label: s.label,
                        data: s.values,
                        backgroundColor: line ? colour : colour + 'cc',
                        borderColor: colour,
                        borderWidth: line ? 2 : 1,
                        pointRadius: line ? 4 : undefined,
                        spanGaps: true
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                locale: locale,
                scales: {
                    y: {
                        beginAtZero: true,
                        suggestedMax: data.percent ? 100 : undefined,
                        ticks: { callback: function (v) { return format(v, data.percent); }, precision: data.percent ? undefined : 0 }
                    }
                },
                plugins: {
                    legend: { position: 'bottom' },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) { return ctx.dataset.label + ': ' + format(ctx.parsed.y, data.percent); }
                        }
                    }
                }
            }
        });
    });
})();
