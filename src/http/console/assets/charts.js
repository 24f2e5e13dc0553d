// Overview charts: the figures come from the admin API (/v1/admin/overview, the session's
// cookie), drawn with Chart.js served from the package (no CDN).
"use strict";
(function () {
  var palette = ["#2563eb", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#64748b", "#db2777"];
  function show(id, config, empty) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    if (empty) {
      canvas.hidden = true;
      canvas.nextElementSibling.hidden = false;
      return;
    }
    new window.Chart(canvas, config);
  }
  function bars(id, counts) {
    var labels = Object.keys(counts);
    show(
      id,
      {
        type: "bar",
        data: { labels: labels.map(function (l) { return l.replace(/_/g, " "); }), datasets: [{ label: "customers", data: labels.map(function (l) { return counts[l]; }), backgroundColor: palette }] },
        options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      },
      labels.length === 0,
    );
  }
  fetch("/v1/admin/overview", { credentials: "same-origin", headers: { accept: "application/json" } })
    .then(function (r) {
      if (!r.ok) throw new Error("overview " + r.status);
      return r.json();
    })
    .then(function (body) {
      var s = body.data;
      var days = {};
      s.adds_by_day.concat(s.notes_by_day).forEach(function (d) { days[d.day] = true; });
      var labels = Object.keys(days).sort();
      var series = function (rows) {
        var by = {};
        rows.forEach(function (d) { by[d.day] = d.count; });
        return labels.map(function (l) { return by[l] || 0; });
      };
      show(
        "per-day",
        {
          type: "bar",
          data: {
            labels: labels,
            datasets: [
              { label: "notes posted", data: series(s.notes_by_day), borderColor: palette[0], backgroundColor: palette[0] },
              { label: "memory adds", data: series(s.adds_by_day), borderColor: palette[1], backgroundColor: palette[1] },
            ],
          },
          options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
        labels.length === 0,
      );
      bars("by-vertical", s.by_vertical);
      bars("by-sentiment", s.by_sentiment);
      document.body.setAttribute("data-charts", "drawn");
    })
    .catch(function () {
      document.body.setAttribute("data-charts", "failed");
    });
})();
