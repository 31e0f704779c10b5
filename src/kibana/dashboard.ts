import { savedObject, type SavedObject, type SavedObjectReference } from './saved-object.js';

/** Kibana's dashboard grid is 48 columns wide. */
export interface PanelPlace {
  object: SavedObject;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ControlSpec {
  id: string;
  field: string;
  title: string;
}

/** The embeddable version our panels are written at: the pinned Kibana's. */
const PANEL_VERSION = '8.19.21';
/** An analyst opening the dashboard sees the last quarter first. */
const DEFAULT_TIME_FROM = 'now-90d';

function panels(places: PanelPlace[]): { json: string; references: SavedObjectReference[] } {
  const entries = places.map(({ object, x, y, w, h }, index) => {
    const i = String(index + 1);
    return {
      panel: {
        version: PANEL_VERSION,
        type: object.type,
        gridData: { x, y, w, h, i },
        panelIndex: i,
        embeddableConfig: { enhancements: {} },
        panelRefName: `panel_${i}`,
      },
      reference: { type: object.type, id: object.id, name: `${i}:panel_${i}` },
    };
  });
  return {
    json: JSON.stringify(entries.map((e) => e.panel)),
    references: entries.map((e) => e.reference),
  };
}

/** Options-list controls: the dashboard's filters, one per keyword field. */
function controls(specs: ControlSpec[], dataViewId: string) {
  const inputs = Object.fromEntries(
    specs.map((c, order) => [
      c.id,
      {
        order,
        width: 'small',
        grow: true,
        type: 'optionsListControl',
        explicitInput: { id: c.id, fieldName: c.field, title: c.title, enhancements: {} },
      },
    ]),
  );
  const references = specs.map((c) => ({
    type: 'index-pattern',
    id: dataViewId,
    name: `controlGroup_${c.id}:optionsListDataView`,
  }));
  const input = {
    controlStyle: 'oneLine',
    chainingSystem: 'HIERARCHICAL',
    panelsJSON: JSON.stringify(inputs),
    ignoreParentSettingsJSON: JSON.stringify({
      ignoreFilters: false,
      ignoreQuery: false,
      ignoreTimerange: false,
      ignoreValidations: false,
    }),
  };
  return { input, references };
}

export function dashboard(
  id: string,
  title: string,
  dataViewId: string,
  places: PanelPlace[],
  filters: ControlSpec[],
): SavedObject {
  const grid = panels(places);
  const group = controls(filters, dataViewId);
  const attributes = {
    title,
    description:
      'Coverage over time by topic, source, language and country pair (provisioned by presswatch setup)',
    panelsJSON: grid.json,
    optionsJSON: JSON.stringify({
      useMargins: true,
      syncColors: true,
      syncCursor: true,
      syncTooltips: false,
      hidePanelTitles: false,
    }),
    controlGroupInput: group.input,
    timeRestore: true,
    timeFrom: DEFAULT_TIME_FROM,
    timeTo: 'now',
    refreshInterval: { pause: true, value: 60_000 },
    kibanaSavedObjectMeta: {
      searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }),
    },
  };
  return savedObject('dashboard', id, attributes, [...grid.references, ...group.references]);
}
