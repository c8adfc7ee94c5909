// ApexCharts for KashiChart (Shared/Charts/KashiChart.razor). The options come from C# (ApexOptions.cs) as JSON;
// this module adds what JSON cannot carry (formatters, the timeline tooltip), asked for under the key "kashi".
//
// ApexCharts itself (wwwroot/lib/apexcharts/apexcharts.min.js, copied from npm at build) is loaded here, lazily and
// once: the first chart adds its <script>, later charts wait for the same promise. Blazor's enhanced navigation
// swaps page content but keeps this window, this module and window.ApexCharts, so nothing is loaded twice and
// pages without charts never load it.

const charts = new Map(); // element -> { chart, ref, json }
const disposed = new WeakSet(); // elements whose chart was disposed while ApexCharts was still loading
let loading;

function loadApexCharts() {
  if (window.ApexCharts) return Promise.resolve(window.ApexCharts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL('../lib/apexcharts/apexcharts.min.js', import.meta.url).href;
      script.onload = () => (window.ApexCharts ? resolve(window.ApexCharts) : reject(new Error('ApexCharts did not load')));
      script.onerror = () => {
        loading = undefined; // let a later chart try again
        script.remove();
        reject(new Error('Could not load ' + script.src));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

/** Draws a chart into the element (replacing one already there). options: JSON string or object. */
export async function render(element, options, dotNetRef) {
  disposed.delete(element);
  const ApexCharts = await loadApexCharts();
  if (disposed.has(element) || !element.isConnected) return;
  const previous = charts.get(element);
  if (previous) previous.chart.destroy();
  const json = typeof options === 'string' ? options : JSON.stringify(options);
  const state = { chart: null, ref: dotNetRef ?? null, json };
  state.chart = new ApexCharts(element, prepare(JSON.parse(json), state));
  charts.set(element, state);
  await state.chart.render();
}

/**
 * Updates the chart in place (no flicker): only the series when nothing else changed (updateSeries), otherwise
 * all options (updateOptions). Draws it when there is none yet.
 */
export async function update(element, options) {
  const state = charts.get(element);
  if (!state) return render(element, options);
  const json = typeof options === 'string' ? options : JSON.stringify(options);
  const next = JSON.parse(json);
  const before = JSON.parse(state.json);
  // Another kind of chart (say a timeline becoming a line chart) is a new chart, not an update.
  if (before.chart?.type !== next.chart?.type) return render(element, json, state.ref);
  state.json = json;
  delete before.series;
  const onlySeries = JSON.stringify({ ...next, series: undefined }) === JSON.stringify({ ...before, series: undefined });
  if (onlySeries) {
    await state.chart.updateSeries(next.series, true);
  } else {
    await state.chart.updateOptions(prepare(next, state), false, true);
  }
}

/** Destroys the element's chart and forgets it. */
export function dispose(element) {
  disposed.add(element);
  const state = charts.get(element);
  if (!state) return;
  charts.delete(element);
  state.ref = null;
  try {
    state.chart.destroy();
  } catch {
    // The element may already be gone from the page (navigation); nothing left to clean.
  }
}

/** For tests and debugging: the number of live charts, and the ApexCharts instance drawn into an element. */
export function count() {
  return charts.size;
}

export function chartOf(element) {
  return charts.get(element)?.chart ?? null;
}

function prepare(options, state) {
  const hints = options.kashi ?? {};
  delete options.kashi;
  const locale = hints.locale ?? 'zh-CN';
  const full = valueFormatter(hints.valueFormat, locale, false);
  const axis = valueFormatter(hints.valueFormat, locale, true);

  options.chart ??= {};
  options.chart.events = {
    dataPointSelection: (event, ctx, config) => {
      if (!state.ref) return;
      const s = ctx.w.config.series[config.seriesIndex];
      const point = s && Array.isArray(s.data) ? s.data[config.dataPointIndex] : undefined;
      const category = point && typeof point === 'object' && typeof point.x === 'string' ? point.x
        : ctx.w.config.labels?.[config.dataPointIndex] ?? null;
      state.ref.invokeMethodAsync('OnPointSelected', config.seriesIndex, config.dataPointIndex, s?.name ?? null, category)
        .catch(() => { /* circuit gone */ });
    },
  };

  if (hints.tooltip === 'range') {
    const zh = locale.toLowerCase().startsWith('zh');
    options.tooltip = { ...(options.tooltip ?? {}), custom: (o) => rangeTooltip(o, zh) };
  } else {
    options.tooltip ??= {};
    options.tooltip.y = { ...(options.tooltip.y ?? {}), formatter: (v) => (v === null || v === undefined ? '—' : full(v)) };
    const label = (v) => (v === null || v === undefined ? '' : axis(Number(v)));
    if (options.plotOptions?.bar?.horizontal === true) {
      // Horizontal bars: the values run along the x axis; the y axis carries the category labels as they are.
      options.xaxis = { ...(options.xaxis ?? {}), labels: { ...(options.xaxis?.labels ?? {}), formatter: label } };
      if (options.yaxis && !Array.isArray(options.yaxis)) options.yaxis.labels = { ...(options.yaxis.labels ?? {}), maxWidth: 280 };
    } else if (options.yaxis && !Array.isArray(options.yaxis)) {
      options.yaxis.labels = { ...(options.yaxis.labels ?? {}), formatter: label };
    }
    if (options.chart.type === 'donut') {
      options.plotOptions ??= {};
      options.plotOptions.pie ??= {};
      options.plotOptions.pie.donut ??= {};
      options.plotOptions.pie.donut.labels = {
        show: true,
        value: { formatter: (v) => full(Number(v)) },
        total: { show: true, formatter: (w) => full(w.globals.seriesTotals.reduce((a, b) => a + b, 0)) },
      };
    }
  }
  return options;
}

// Money in 万元 as officials read it (UiText.Money): 万元 below 1亿, 亿元 from 1亿 on; CNY millions in English.
function valueFormatter(kind, locale, short) {
  const zh = locale.toLowerCase().startsWith('zh');
  const number = (digits) => new Intl.NumberFormat(zh ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
  switch (kind) {
    case 'wan':
      if (zh) {
        return (v) => (v === 0 ? '0' : Math.abs(v) >= 10000
          ? number(2).format(v / 10000) + (short ? '亿' : '亿元')
          : number(short ? 0 : 2).format(v) + (short ? '万' : '万元'));
      }
      return (v) => (v === 0 ? '0' : short ? number(1).format(v / 100) + 'm' : 'CNY ' + number(2).format(v / 100) + ' million');
    case 'percent':
      return (v) => number(1).format(v) + '%';
    default:
      return (v) => number(2).format(v);
  }
}

// x values are Beijing dates at 00:00 UTC (see ApexOptions.cs): the UTC fields are the Beijing date.
function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function rangeTooltip({ seriesIndex, dataPointIndex, w }, zh) {
  const series = w.config.series[seriesIndex];
  const point = series?.data?.[dataPointIndex];
  if (!point) return '';
  const color = point.fillColor ?? w.globals.colors[seriesIndex];
  // Bars end at the start of the day after their last day.
  const last = point.y[1] - 86400000;
  return '<div class="kashi-chart-tip">'
    + `<div class="kashi-chart-tip-title">${escapeHtml(point.x)}</div>`
    + `<div><span class="kashi-chart-tip-dot" style="background:${escapeHtml(color)}"></span>${escapeHtml(series.name)}${zh ? '：' : ': '}`
    + `${day(point.y[0])} — ${day(last)}</div>`
    + (point.meta ? `<div class="kashi-chart-tip-meta">${escapeHtml(point.meta)}</div>` : '')
    + '</div>';
}
