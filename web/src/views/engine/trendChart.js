// The ECharts option of a /rates/trend answer: one line per indicator over the periods, the
// y axis in percent; gaps ("") stay gaps. On a phone ({phone: true}) the legend wraps over
// as many lines as it needs instead of scrolling (a scrolling legend cuts its last name), and
// the plot starts below it.
import { indicatorName } from '../../utils/engine.js';
import { periodLabel } from '../../utils/period.js';

const PALETTE = ['#1f4e8c', '#d9363e', '#3ea55b', '#e6a23c', '#7b61c4', '#13a8a8', '#8c6d1f'];

export function trendChartOption(trend, { compact = false, phone = false } = {}) {
  if (!trend) return { series: [] };
  const inds = trend.indicators || [];
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`) },
    legend: phone ? { top: 0, type: 'plain', itemGap: 8, itemWidth: 16, textStyle: { fontSize: 11 } } : { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: phone ? 84 : compact ? 30 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: (trend.periods || []).map((p) => periodLabel(p)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: inds.map((ind) => ({
      type: 'line', name: indicatorName(ind), smooth: false, connectNulls: false, symbolSize: 6,
      data: ((trend.series || {})[ind.code] || []).map((v) => (v === '' || v === null ? null : Number(v))),
    })),
  };
}
