/*
 * Draws a dashboard chart with ECharts (window.echarts, served from /echarts/, packed from the npm registry at build
 * time). Called by DashboardView through executeJs with the chart option as a JSON string. The container gets
 * data-rendered="true" when drawn, or data-error on failure.
 */
window.DubanCharts = {
  render: function (container, optionJson, attempt) {
    var self = this;
    if (typeof window.echarts === 'undefined') {
      if ((attempt || 0) > 100) {
        container.setAttribute('data-error', 'echarts not loaded');
        return;
      }
      setTimeout(function () { self.render(container, optionJson, (attempt || 0) + 1); }, 100);
      return;
    }
    try {
      var chart = window.echarts.getInstanceByDom(container) || window.echarts.init(container, null,
        { renderer: 'canvas' });
      chart.setOption(JSON.parse(optionJson), true);
      if (!container.dubanResize && typeof ResizeObserver !== 'undefined') {
        container.dubanResize = new ResizeObserver(function () { chart.resize(); });
        container.dubanResize.observe(container);
      }
      container.setAttribute('data-rendered', 'true');
    } catch (err) {
      container.setAttribute('data-error', String(err && err.message ? err.message : err));
    }
  }
};
