// The city dashboard's charts (ECharts from its WebJar) and sortable tables. Data comes in data- attributes: the CSP
// forbids inline scripts.
(function () {
  function data(el, name) {
    var raw = el.getAttribute('data-' + name);
    return raw ? JSON.parse(raw) : [];
  }

  function chart(el) {
    el.style.height = '320px';
    el.style.width = '100%';
    var c = window.echarts.init(el, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  function draw() {
    if (!window.echarts) {
      return;
    }
    var trend = document.getElementById('chart-trend');
    if (trend) {
      var days = data(trend, 'trend');
      var labels = data(trend, 'labels');
      chart(trend).setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { data: [labels[0], labels[1], labels[2], labels[3]] },
        xAxis: { type: 'category', data: days.map(function (d) { return d.date.substring(5); }) },
        yAxis: [{ type: 'value' }, { type: 'value' }],
        series: [
          { name: labels[0], type: 'bar', data: days.map(function (d) { return d.documents; }) },
          { name: labels[1], type: 'bar', data: days.map(function (d) { return d.talks; }) },
          { name: labels[2], type: 'line', yAxisIndex: 1, data: days.map(function (d) { return d.problemsFound; }) },
          { name: labels[3], type: 'line', yAxisIndex: 1, data: days.map(function (d) { return d.problemsClosed; }) }
        ]
      });
    }
    var funnel = document.getElementById('chart-funnel');
    if (funnel) {
      var steps = data(funnel, 'funnel');
      chart(funnel).setOption({
        animation: false,
        tooltip: { trigger: 'item' },
        series: [{
          type: 'funnel', sort: 'descending', minSize: '10%',
          label: { formatter: '{b}: {c}' },
          data: steps.map(function (s) { return { name: s[0], value: s[1] }; })
        }]
      });
    }
    var districts = document.getElementById('chart-districts');
    if (districts) {
      var rows = data(districts, 'districts');
      var names = data(districts, 'labels');
      chart(districts).setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 80 },
        xAxis: { type: 'value', max: 100, name: names[4] },
        yAxis: { type: 'category', data: rows.map(function (r) { return r[0]; }) },
        series: [{ type: 'bar', name: names[4], data: rows.map(function (r) { return r[1] == null ? 0 : r[1]; }) }]
      });
    }
  }

  function sortable(table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, index) {
      var button = th.querySelector('button');
      if (!button) {
        return;
      }
      button.addEventListener('click', function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var x = a.cells[index].textContent.trim();
          var y = b.cells[index].textContent.trim();
          var nx = parseFloat(x);
          var ny = parseFloat(y);
          var r = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh');
          return ascending ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    draw();
    document.querySelectorAll('table.sortable').forEach(sortable);
  });
})();
