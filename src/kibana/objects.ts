import { indexNames } from '../store/elasticsearch/mapping.js';
import { dashboard, type ControlSpec } from './dashboard.js';
import { coverageOverTime, topValues, type ChartSpec } from './lens.js';
import { savedObject, type SavedObject } from './saved-object.js';

export const DASHBOARD_TITLE = 'Geopolitical coverage';
const TIME_FIELD = 'published_at';
/** Columns of the latest-articles table, in order. */
export const LATEST_COLUMNS = ['title', 'source.name', 'topics', 'url'];

/** Stable ids, derived from the index prefix only: importing again overwrites, never duplicates. */
export function kibanaIds(prefix: string) {
  const alias = indexNames(prefix).alias;
  return {
    dataView: alias,
    latest: `${alias}-latest`,
    dashboard: `${alias}-coverage`,
    chart: (name: string) => `${alias}-${name}`,
  };
}

function dataView(id: string, prefix: string): SavedObject {
  const attributes = {
    title: `${indexNames(prefix).alias}*`,
    name: `presswatch articles (${prefix})`,
    timeFieldName: TIME_FIELD,
  };
  return savedObject('index-pattern', id, attributes, []);
}

function latestArticles(id: string, dataViewId: string): SavedObject {
  const searchSource = {
    query: { query: '', language: 'kuery' },
    filter: [],
    indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index',
  };
  const attributes = {
    title: 'Latest articles',
    description: '',
    columns: LATEST_COLUMNS,
    sort: [[TIME_FIELD, 'desc']],
    kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify(searchSource) },
  };
  const reference = {
    type: 'index-pattern',
    id: dataViewId,
    name: 'kibanaSavedObjectMeta.searchSourceJSON.index',
  };
  return savedObject('search', id, attributes, [reference]);
}

/** Charts two a row, half the 48-column grid each, 15 rows high. */
const CHART = { w: 24, h: 15 };
const chartRows = (charts: number) => Math.ceil(charts / 2) * CHART.h;
const chartPlace = (object: SavedObject, i: number) => ({
  object,
  x: (i % 2) * CHART.w,
  y: Math.floor(i / 2) * CHART.h,
  ...CHART,
});

const FILTERS: Omit<ControlSpec, 'id'>[] = [
  { field: 'topics', title: 'Topic' },
  { field: 'countries', title: 'Country' },
  { field: 'pairs', title: 'Country pair' },
  { field: 'source.name', title: 'Source' },
  { field: 'language', title: 'Language' },
];

/** The coverage-over-time charts: id, title, the field split by, its label. */
const OVER_TIME: [string, string, string, string][] = [
  ['by-topic', 'Articles over time by topic', 'topics', 'Topic'],
  ['by-source', 'Articles over time by source', 'source.name', 'Source'],
  ['by-language', 'Articles over time by language', 'language', 'Language'],
  ['by-pair', 'Top country pairs over time', 'pairs', 'Country pair'],
];

/** Every saved object `setup` imports: data view, charts, the latest-articles search, dashboard. */
export function kibanaObjects(prefix: string): SavedObject[] {
  const ids = kibanaIds(prefix);
  const chart = (name: string, title: string, field: string, label: string): ChartSpec => ({
    id: ids.chart(name),
    title,
    field,
    label,
  });
  const charts = [
    ...OVER_TIME.map((args) => coverageOverTime(chart(...args), ids.dataView)),
    topValues(chart('top-actors', 'Top actors', 'actors', 'Actor'), ids.dataView),
  ];
  const latest = latestArticles(ids.latest, ids.dataView);
  const grid = [
    ...charts.map(chartPlace),
    { object: latest, x: 0, y: chartRows(charts.length), w: 48, h: 20 },
  ];
  const filters = FILTERS.map((f) => ({
    ...f,
    id: `${ids.dashboard}-filter-${f.field.replace('.', '-')}`,
  }));
  const board = dashboard(ids.dashboard, DASHBOARD_TITLE, ids.dataView, grid, filters);
  return [dataView(ids.dataView, prefix), ...charts, latest, board];
}

/** The import API's file format: one JSON object per line. */
export function toNdjson(objects: SavedObject[]): string {
  return objects.map((o) => JSON.stringify(o)).join('\n') + '\n';
}
