// Lens visualisations as Kibana 8.19 stores them (the `formBased` datasource, one layer each).
import { savedObject, type SavedObject } from './saved-object.js';

/** What one chart shows: its saved-object id and title, the keyword field and its label. */
export interface ChartSpec {
  id: string;
  title: string;
  field: string;
  label: string;
}

const LAYER = 'main';
const DATE = 'date';
const COUNT = 'count';
const TERMS = 'terms';
/** Series beyond this many make a stacked chart unreadable; Lens puts the rest in "Other". */
const TOP_SERIES = 10;
/** A ranking of actors shows this many bars. */
const TOP_RANKED = 15;

const countColumn = {
  label: 'Articles',
  customLabel: true,
  dataType: 'number',
  operationType: 'count',
  isBucketed: false,
  scale: 'ratio',
  sourceField: '___records___',
  params: { emptyAsNull: true },
};

function dateColumn(field: string) {
  return {
    label: field,
    dataType: 'date',
    operationType: 'date_histogram',
    sourceField: field,
    isBucketed: true,
    scale: 'interval',
    params: { interval: 'auto', includeEmptyRows: true, dropPartials: false },
  };
}

function termsColumn(field: string, label: string, size: number) {
  return {
    label,
    customLabel: true,
    dataType: 'string',
    operationType: 'terms',
    sourceField: field,
    isBucketed: true,
    scale: 'ordinal',
    params: {
      size,
      orderBy: { type: 'column', columnId: COUNT },
      orderDirection: 'desc',
      otherBucket: true,
      missingBucket: false,
    },
  };
}

function lensObject(
  spec: ChartSpec,
  dataViewId: string,
  columns: Record<string, unknown>,
  visualization: Record<string, unknown>,
): SavedObject {
  const layer = { columns, columnOrder: Object.keys(columns), incompleteColumns: {} };
  const attributes = {
    title: spec.title,
    description: '',
    visualizationType: 'lnsXY',
    state: {
      datasourceStates: { formBased: { layers: { [LAYER]: layer } } },
      visualization,
      query: { query: '', language: 'kuery' },
      filters: [],
      internalReferences: [],
      adHocDataViews: {},
    },
  };
  const reference = {
    type: 'index-pattern',
    id: dataViewId,
    name: `indexpattern-datasource-layer-${LAYER}`,
  };
  return savedObject('lens', spec.id, attributes, [reference]);
}

function xyVisualization(seriesType: string, layer: Record<string, unknown>) {
  return {
    preferredSeriesType: seriesType,
    legend: { isVisible: true, position: 'right' },
    valueLabels: 'hide',
    layers: [{ layerId: LAYER, layerType: 'data', seriesType, ...layer }],
  };
}

/** Articles per time bucket, stacked by the top values of one keyword field. */
export function coverageOverTime(spec: ChartSpec, dataViewId: string): SavedObject {
  const columns = {
    [DATE]: dateColumn('published_at'),
    [TERMS]: termsColumn(spec.field, spec.label, TOP_SERIES),
    [COUNT]: countColumn,
  };
  const layer = { xAccessor: DATE, accessors: [COUNT], splitAccessor: TERMS };
  return lensObject(spec, dataViewId, columns, xyVisualization('bar_stacked', layer));
}

/** The most frequent values of one keyword field, as horizontal bars. */
export function topValues(spec: ChartSpec, dataViewId: string): SavedObject {
  const columns = {
    [TERMS]: termsColumn(spec.field, spec.label, TOP_RANKED),
    [COUNT]: countColumn,
  };
  const layer = { xAccessor: TERMS, accessors: [COUNT] };
  return lensObject(spec, dataViewId, columns, xyVisualization('bar_horizontal', layer));
}
