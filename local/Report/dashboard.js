// Draws the dashboards of report.html from the query results embedded in #dashboard-data, as inline SVG; no
// network, no library. Each filter redraws every visual of its dashboard whose query has the filtered column.
// Every drawn visual records what it drew in data-values (the values, in order) and data-marks (how many).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var palette = ['#0969da', '#d4a72c', '#2da44e', '#cf222e', '#8250df', '#1b7c83', '#bc4c00', '#57606a'];
  var tip = document.querySelector('.tip');
  var number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  var plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function format(value) {
    if (value === null || value === undefined) return '(null)';
    // Years and other numbers below 10,000 read better without a separator (1975, not 1,975).
    if (typeof value === 'number') return Math.abs(value) < 10000 ? plain.format(value) : number.format(value);
    return String(value);
  }

  function columnIndex(query, name) {
    return query.columns.findIndex(function (c) { return c.name === name; });
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b));
  }

  function aggregate(values, how) {
    var present = values.filter(function (v) { return v !== null && v !== undefined; });
    if (how === 'count') return present.length;
    if (how === 'distinct_count') return new Set(present.map(String)).size;
    var numbers = present.map(Number);
    if (numbers.length === 0) return null;
    switch (how) {
      case 'avg': return numbers.reduce(function (s, v) { return s + v; }, 0) / numbers.length;
      case 'min': return Math.min.apply(null, numbers);
      case 'max': return Math.max.apply(null, numbers);
      case 'median': {
        var sorted = numbers.slice().sort(function (a, b) { return a - b; });
        var mid = Math.floor(sorted.length / 2);
        return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      }
      default: return numbers.reduce(function (s, v) { return s + v; }, 0);
    }
  }

  // The rows of a query that pass the dashboard's filters on columns it has.
  function filteredRows(query, filters, state) {
    var tests = filters.map(function (filter) {
      var index = columnIndex(query, filter.column);
      var value = state[filter.id];
      if (index < 0 || value === null) return null;
      if (filter.control === 'range') {
        return function (row) { return row[index] !== null && row[index] >= value[0] && row[index] <= value[1]; };
      }
      return function (row) { return value.has(String(row[index])); };
    }).filter(Boolean);
    return query.rows.filter(function (row) { return tests.every(function (t) { return t(row); }); });
  }

  // Categories (x values) with one aggregated value per series, sorted and limited as the visual says.
  function series(visual, query, rows) {
    var xi = columnIndex(query, visual.x);
    var gi = visual.group ? columnIndex(query, visual.group) : -1;
    var categories = [];
    var byCategory = new Map();
    var names = [];
    var cells = new Map();
    rows.forEach(function (row) {
      var x = row[xi];
      var key = String(x);
      if (!byCategory.has(key)) { byCategory.set(key, x); categories.push(key); }
      if (gi >= 0) {
        var g = String(row[gi]);
        if (names.indexOf(g) < 0) names.push(g);
        push(cells, key + '\u0000' + g, row[columnIndex(query, visual.y[0])]);
      } else {
        visual.y.forEach(function (y) { push(cells, key + '\u0000' + y, row[columnIndex(query, y)]); });
      }
    });
    if (gi < 0) names = visual.y.slice();
    else names.sort(compare);
    var values = function (key) {
      return names.map(function (name) {
        var list = cells.get(key + '\u0000' + name);
        return list ? aggregate(list, visual.aggregation) : null;
      });
    };
    var table = categories.map(function (key) { return { label: byCategory.get(key), values: values(key) }; });
    var sort = visual.sort;
    if (sort) {
      var by = sort.column === visual.x ? -1 : gi >= 0 ? -2 : visual.y.indexOf(sort.column);
      table.sort(function (a, b) {
        var order = by === -1 ? compare(a.label, b.label)
          : by === -2 ? compare(total(a.values), total(b.values)) : compare(a.values[by], b.values[by]);
        return sort.desc ? -order : order;
      });
    }
    if (visual.limit) table = table.slice(0, visual.limit);
    return { names: names, rows: table };
  }

  function push(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }

  function total(values) {
    return values.reduce(function (s, v) { return s + (v || 0); }, 0);
  }

  function ticks(max) {
    if (!(max > 0)) return [0, 1];
    var step = Math.pow(10, Math.floor(Math.log10(max / 4)));
    [1, 2, 2.5, 5, 10].some(function (m) { if (max / (step * m) <= 5) { step *= m; return true; } return false; });
    var list = [];
    for (var v = 0; v <= max + step * 1e-9; v += step) list.push(v);
    if (list[list.length - 1] < max) list.push(list[list.length - 1] + step);
    return list;
  }

  function mark(tag, attrs, tipText) {
    var text = '<' + tag;
    Object.keys(attrs).forEach(function (k) { text += ' ' + k + '="' + esc(attrs[k]) + '"'; });
    if (tipText !== undefined) text += ' class="mark" data-tip="' + esc(tipText) + '"';
    return text + '></' + tag + '>';
  }

  function label(x, y, text, anchor, extra) {
    return '<text x="' + x + '" y="' + y + '" text-anchor="' + (anchor || 'middle') + '" font-size="11" fill="#57606a"' +
      (extra || '') + '>' + esc(text) + '</text>';
  }

  function legend(names, width) {
    if (names.length < 2) return '';
    return '<g class="legend">' + names.map(function (name, i) {
      var x = 10 + i * Math.min(150, (width - 20) / names.length);
      return '<rect x="' + x + '" y="4" width="10" height="10" fill="' + palette[i % palette.length] + '"></rect>' +
        label(x + 14, 13, name, 'start');
    }).join('') + '</g>';
  }

  function short(text, length) {
    text = format(text);
    return text.length > length ? text.slice(0, length - 1) + '\u2026' : text;
  }

  function bar(visual, query, rows) {
    var s = series(visual, query, rows);
    var n = s.rows.length;
    var width = visual.pixels;
    var stacked = visual.stacked && s.names.length > 1;
    var top = s.names.length > 1 ? 24 : 10;
    var max = Math.max.apply(null, [0].concat(s.rows.map(function (r) {
      return stacked ? total(r.values) : Math.max.apply(null, r.values.map(function (v) { return v || 0; }));
    })));
    var scale = ticks(max);
    var end = scale[scale.length - 1];
    var body = '';
    var drawn = [];
    if (visual.horizontal) {
      var left = 150;
      var band = 22;
      var height = top + n * band + 30;
      var plot = width - left - 20;
      scale.forEach(function (t) {
        var x = left + plot * t / end;
        body += '<line x1="' + x + '" x2="' + x + '" y1="' + top + '" y2="' + (top + n * band) + '" stroke="#eaeef2"></line>' + label(x, top + n * band + 14, format(t));
      });
      s.rows.forEach(function (r, i) {
        var y = top + i * band;
        body += label(left - 6, y + band / 2 + 4, short(r.label, 24), 'end');
        var offset = 0;
        r.values.forEach(function (v, j) {
          if (v === null) return;
          var w = plot * v / end;
          var h = stacked ? band - 6 : (band - 6) / s.names.length;
          var yy = stacked ? y + 3 : y + 3 + j * h;
          body += mark('rect', { x: left + offset, y: yy, width: Math.max(w, 0.5), height: h, fill: palette[j % palette.length] },
            format(r.label) + (s.names.length > 1 ? ' \u00b7 ' + s.names[j] : '') + ': ' + format(v));
          drawn.push(v);
          if (stacked) offset += w;
        });
      });
      return svg(width, height, legend(s.names, width) + body, drawn);
    }
    var bottom = 60;
    var leftAxis = 50;
    var heightV = 300;
    var plotH = heightV - top - bottom;
    var bandV = (width - leftAxis - 10) / Math.max(n, 1);
    scale.forEach(function (t) {
      var y = top + plotH - plotH * t / end;
      body += '<line x1="' + leftAxis + '" x2="' + (width - 10) + '" y1="' + y + '" y2="' + y + '" stroke="#eaeef2"></line>' + label(leftAxis - 6, y + 4, format(t), 'end');
    });
    s.rows.forEach(function (r, i) {
      var x = leftAxis + i * bandV;
      var cx = x + bandV / 2;
      body += label(cx, top + plotH + 14, short(r.label, Math.max(4, Math.floor(bandV / 6))), n > 12 ? 'end' : 'middle',
        n > 12 ? ' transform="rotate(-45 ' + cx + ' ' + (top + plotH + 14) + ')"' : '');
      var offset = 0;
      r.values.forEach(function (v, j) {
        if (v === null) return;
        var h = plotH * v / end;
        var w = stacked ? bandV * 0.8 : bandV * 0.8 / s.names.length;
        var xx = stacked ? x + bandV * 0.1 : x + bandV * 0.1 + j * w;
        body += mark('rect', { x: xx, y: top + plotH - h - offset, width: w, height: Math.max(h, 0.5), fill: palette[j % palette.length] },
          format(r.label) + (s.names.length > 1 ? ' \u00b7 ' + s.names[j] : '') + ': ' + format(v));
        drawn.push(v);
        if (stacked) offset += h;
      });
    });
    return svg(width, heightV, legend(s.names, width) + body, drawn);
  }

  function line(visual, query, rows) {
    var s = series(visual, query, rows);
    var width = visual.pixels;
    var height = 300;
    var top = s.names.length > 1 ? 24 : 10;
    var left = 50;
    var plotW = width - left - 20;
    var plotH = height - top - 40;
    var numeric = s.rows.every(function (r) { return typeof r.label === 'number'; });
    var xs = s.rows.map(function (r) { return r.label; });
    var lo = numeric ? Math.min.apply(null, xs) : 0;
    var hi = numeric ? Math.max.apply(null, xs) : Math.max(xs.length - 1, 1);
    var xOf = function (r, i) { return left + plotW * ((numeric ? r.label : i) - lo) / ((hi - lo) || 1); };
    var max = Math.max.apply(null, [0].concat(s.rows.map(function (r) { return Math.max.apply(null, r.values.map(function (v) { return v || 0; })); })));
    var scale = ticks(max);
    var end = scale[scale.length - 1];
    var yOf = function (v) { return top + plotH - plotH * v / end; };
    var body = '';
    var drawn = [];
    scale.forEach(function (t) {
      body += '<line x1="' + left + '" x2="' + (width - 20) + '" y1="' + yOf(t) + '" y2="' + yOf(t) + '" stroke="#eaeef2"></line>' + label(left - 6, yOf(t) + 4, format(t), 'end');
    });
    var every = Math.max(1, Math.ceil(s.rows.length / 10));
    s.rows.forEach(function (r, i) {
      if (i % every === 0) body += label(xOf(r, i), top + plotH + 16, short(r.label, 10));
    });
    s.names.forEach(function (name, j) {
      var points = s.rows.map(function (r, i) { return r.values[j] === null ? null : [xOf(r, i), yOf(r.values[j])]; }).filter(Boolean);
      if (points.length > 0) {
        body += '<polyline fill="none" stroke-width="2" stroke="' + palette[j % palette.length] + '" points="' + points.map(function (p) { return p.join(','); }).join(' ') + '"></polyline>';
      }
      s.rows.forEach(function (r, i) {
        var v = r.values[j];
        if (v === null) return;
        body += mark('circle', { cx: xOf(r, i), cy: yOf(v), r: 3.5, fill: palette[j % palette.length] },
          format(r.label) + (s.names.length > 1 ? ' \u00b7 ' + name : '') + ': ' + format(v));
        drawn.push(v);
      });
    });
    return svg(width, height, legend(s.names, width) + body, drawn);
  }

  function pie(visual, query, rows) {
    var s = series(visual, query, rows);
    var slices = s.rows.filter(function (r) { return r.values[0] > 0; });
    var sum = total(slices.map(function (r) { return r.values[0]; }));
    var body = '';
    var drawn = [];
    var angle = -Math.PI / 2;
    var width = visual.pixels;
    var radius = Math.max(50, Math.min(110, (width - 190) / 2));
    var cx = radius + 10;
    var cy = radius + 20;
    var legendX = 2 * radius + 30;
    slices.forEach(function (r, i) {
      var v = r.values[0];
      var share = v / sum;
      var next = angle + share * 2 * Math.PI;
      var color = palette[i % palette.length];
      var tipText = format(r.label) + ': ' + format(v) + ' (' + number.format(share * 100) + '%)';
      if (slices.length === 1) {
        body += mark('circle', { cx: cx, cy: cy, r: radius, fill: color }, tipText);
      } else {
        var large = next - angle > Math.PI ? 1 : 0;
        var d = 'M' + cx + ',' + cy + ' L' + (cx + radius * Math.cos(angle)) + ',' + (cy + radius * Math.sin(angle)) +
          ' A' + radius + ',' + radius + ' 0 ' + large + ' 1 ' + (cx + radius * Math.cos(next)) + ',' + (cy + radius * Math.sin(next)) + ' Z';
        body += mark('path', { d: d, fill: color, stroke: '#fff' }, tipText);
      }
      body += '<rect x="' + legendX + '" y="' + (20 + i * 18) + '" width="10" height="10" fill="' + color + '"></rect>' +
        label(legendX + 16, 29 + i * 18, short(r.label, 22) + ' \u00b7 ' + number.format(share * 100) + '%', 'start');
      drawn.push(v);
      angle = next;
    });
    return svg(width, Math.max(2 * radius + 40, 30 + slices.length * 18), body, drawn);
  }

  function heatmap(visual, query, rows) {
    var xi = columnIndex(query, visual.x);
    var gi = columnIndex(query, visual.group);
    var vi = columnIndex(query, visual.y[0]);
    var columns = [];
    var lines = [];
    var cells = new Map();
    rows.forEach(function (row) {
      if (!columns.some(function (c) { return c === row[xi]; })) columns.push(row[xi]);
      if (!lines.some(function (c) { return c === row[gi]; })) lines.push(row[gi]);
      push(cells, String(row[xi]) + '\u0000' + String(row[gi]), row[vi]);
    });
    var desc = visual.sort && visual.sort.column === visual.x && visual.sort.desc;
    columns.sort(function (a, b) { return desc ? compare(b, a) : compare(a, b); });
    lines.sort(compare);
    if (visual.limit) columns = columns.slice(0, visual.limit);
    var values = [];
    columns.forEach(function (c) {
      lines.forEach(function (l) {
        var list = cells.get(String(c) + '\u0000' + String(l));
        values.push(list ? aggregate(list, visual.aggregation) : null);
      });
    });
    var present = values.filter(function (v) { return v !== null; });
    var lo = Math.min.apply(null, present);
    var hi = Math.max.apply(null, present);
    var left = 60;
    var top = 10;
    var width = visual.pixels;
    var cellW = (width - left - 10) / Math.max(columns.length, 1);
    var cellH = 26;
    var body = '';
    var drawn = [];
    lines.slice().reverse().forEach(function (l, r) {
      body += label(left - 6, top + r * cellH + cellH / 2 + 4, short(l, 10), 'end');
    });
    columns.forEach(function (c, i) {
      body += label(left + i * cellW + cellW / 2, top + lines.length * cellH + 14, short(c, 8));
      lines.slice().reverse().forEach(function (l, r) {
        var v = values[i * lines.length + (lines.length - 1 - r)];
        if (v === null) return;
        var t = hi > lo ? (v - lo) / (hi - lo) : 1;
        var fill = 'rgb(' + Math.round(222 - t * 213) + ',' + Math.round(235 - t * 130) + ',' + Math.round(247 - t * 29) + ')';
        body += mark('rect', { x: left + i * cellW, y: top + r * cellH, width: cellW - 1, height: cellH - 1, fill: fill },
          visual.x + ' ' + format(c) + ' \u00b7 ' + visual.group + ' ' + format(l) + ': ' + format(v));
        drawn.push(v);
      });
    });
    return svg(width, top + lines.length * cellH + 24, body, drawn);
  }

  function svg(width, height, body, drawn) {
    return { html: '<svg viewBox="0 0 ' + width + ' ' + height + '" role="img" font-family="system-ui, sans-serif">' + body + '</svg>', values: drawn };
  }

  function kpi(visual, query, rows) {
    var vi = columnIndex(query, visual.y[0]);
    var value = aggregate(rows.map(function (r) { return r[vi]; }), visual.aggregation);
    return {
      html: '<div class="kpi-value mark" data-tip="' + esc(visual.aggregation + ' of ' + visual.y[0] + ' over ' + rows.length + ' rows: ' + format(value)) + '">' + esc(format(value)) + '</div>',
      values: [value],
    };
  }

  // Tables keep their own sort (a click on a header) across redraws.
  var tableSorts = {};

  function table(visual, query, rows) {
    var sort = tableSorts[visual.id] || (visual.sort ? { index: columnIndex(query, visual.sort.column), desc: visual.sort.desc } : null);
    var sorted = rows.slice();
    if (sort) {
      sorted.sort(function (a, b) { var o = compare(a[sort.index], b[sort.index]); return sort.desc ? -o : o; });
    }
    var shown = sorted.slice(0, visual.limit || 100);
    var html = '<table><tr>' + query.columns.map(function (c, i) {
      var state = sort && sort.index === i ? (sort.desc ? 'descending' : 'ascending') : 'none';
      return '<th aria-sort="' + state + '"><button data-column="' + i + '">' + esc(c.name) + '</button></th>';
    }).join('') + '</tr>';
    shown.forEach(function (row) {
      html += '<tr>' + row.map(function (v, i) {
        return '<td' + (query.columns[i].type === 'number' ? ' class="n"' : '') + '>' + esc(v === null ? '' : format(v)) + '</td>';
      }).join('') + '</tr>';
    });
    html += '</table>';
    if (sorted.length > shown.length) html += '<p class="muted">First ' + shown.length + ' of ' + number.format(sorted.length) + ' rows.</p>';
    return { html: html, values: shown.map(function (row) { return row.map(format).join('|'); }) };
  }

  var draw = { bar: bar, line: line, pie: pie, heatmap: heatmap, kpi: kpi, table: table };

  function render(section, dashboard, state) {
    dashboard.visuals.forEach(function (visual) {
      var figure = section.querySelector('[data-visual="' + CSS.escape(visual.id) + '"]');
      var query = data.queries[visual.query];
      if (!figure || !query) return;
      var rows = filteredRows(query, dashboard.filters, state);
      // Draw at the figure's width so text keeps its size; a hidden sheet's figures take their share of the section.
      var span = Number(figure.dataset.span) / Number(figure.parentNode.dataset.columns);
      visual.pixels = Math.max(300, Math.round((figure.clientWidth || section.clientWidth * span || 860) - 24));
      var result = rows.length === 0 ? { html: '<p class="muted">No rows match the filters.</p>', values: [] } : draw[visual.kind](visual, query, rows);
      var chart = figure.querySelector('.chart');
      chart.innerHTML = result.html;
      figure.dataset.values = JSON.stringify(result.values);
      figure.dataset.marks = String(result.values.length);
      chart.querySelectorAll('th button').forEach(function (button) {
        button.addEventListener('click', function () {
          var index = Number(button.dataset.column);
          var current = tableSorts[visual.id];
          tableSorts[visual.id] = { index: index, desc: current && current.index === index ? !current.desc : false };
          render(section, dashboard, state);
        });
      });
    });
  }

  function distinctValues(dashboard, column) {
    var values = new Set();
    dashboard.visuals.forEach(function (visual) {
      var query = data.queries[visual.query];
      var index = query ? columnIndex(query, column) : -1;
      if (index >= 0) query.rows.forEach(function (row) { values.add(row[index]); });
    });
    return Array.from(values).sort(compare);
  }

  function controls(section, dashboard, state) {
    dashboard.filters.forEach(function (filter) {
      var box = section.querySelector('[data-filter="' + CSS.escape(filter.id) + '"]');
      if (!box) return;
      state[filter.id] = null;
      if (filter.control === 'range') {
        var range = document.createElement('div');
        range.className = 'range';
        range.innerHTML = '<input type="range" data-end="min" min="' + filter.min + '" max="' + filter.max + '" step="' + filter.step + '" value="' + filter.min + '">' +
          '<output></output>to<output></output>' +
          '<input type="range" data-end="max" min="' + filter.min + '" max="' + filter.max + '" step="' + filter.step + '" value="' + filter.max + '">';
        box.appendChild(range);
        var inputs = range.querySelectorAll('input');
        var outputs = range.querySelectorAll('output');
        var update = function () {
          var lo = Number(inputs[0].value);
          var hi = Number(inputs[1].value);
          if (lo > hi) { var swap = lo; lo = hi; hi = swap; }
          outputs[0].textContent = format(lo);
          outputs[1].textContent = format(hi);
          // The full range means every value, as QuickSight's slider starts (rows outside the slider's ends too).
          state[filter.id] = lo <= filter.min && hi >= filter.max ? null : [lo, hi];
          render(section, dashboard, state);
        };
        inputs.forEach(function (input) { input.addEventListener('input', update); });
        outputs[0].textContent = format(filter.min);
        outputs[1].textContent = format(filter.max);
      } else {
        var select = document.createElement('select');
        select.multiple = true;
        select.size = 4;
        select.title = 'Select none for all values';
        select.innerHTML = distinctValues(dashboard, filter.column).map(function (v) {
          return '<option value="' + esc(String(v)) + '">' + esc(format(v)) + '</option>';
        }).join('');
        box.appendChild(select);
        select.addEventListener('change', function () {
          var picked = Array.from(select.selectedOptions).map(function (o) { return o.value; });
          state[filter.id] = picked.length === 0 ? null : new Set(picked);
          render(section, dashboard, state);
        });
      }
    });
  }

  function tabs(section) {
    var buttons = section.querySelectorAll(':scope > .tabs button');
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        buttons.forEach(function (b) { b.setAttribute('aria-selected', String(b === button)); });
        section.querySelectorAll(':scope > .sheet').forEach(function (sheet) { sheet.hidden = sheet.dataset.sheet !== button.dataset.sheet; });
      });
    });
  }

  data.dashboards.forEach(function (dashboard) {
    var section = document.querySelector('[data-dashboard="' + CSS.escape(dashboard.name) + '"]');
    if (!section) return;
    var state = {};
    controls(section, dashboard, state);
    tabs(section);
    render(section, dashboard, state);
  });

  document.addEventListener('mouseover', function (event) {
    var target = event.target.closest ? event.target.closest('[data-tip]') : null;
    if (!target) { tip.style.display = 'none'; return; }
    tip.textContent = target.getAttribute('data-tip');
    tip.style.display = 'block';
  });
  document.addEventListener('mousemove', function (event) {
    tip.style.left = (event.clientX + 12) + 'px';
    tip.style.top = (event.clientY + 12) + 'px';
  });
}());
