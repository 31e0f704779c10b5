import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { estypes } from '@elastic/elasticsearch';
import { DASHBOARD_TITLE, kibanaIds, kibanaObjects, toNdjson } from '../../src/kibana/objects.js';
import type { SavedObject } from '../../src/kibana/saved-object.js';
import { articleMappings } from '../../src/store/elasticsearch/mapping.js';

type Json = Record<string, unknown>;

/** Every field of the index template's mapping, sub-fields included (`title.keyword`), with its type. */
function mappedFields(
  properties: Record<string, estypes.MappingProperty>,
  prefix = '',
): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, prop] of Object.entries(properties)) {
    const path = `${prefix}${name}`;
    const p = prop as {
      type?: string;
      properties?: Record<string, estypes.MappingProperty>;
      fields?: Record<string, estypes.MappingProperty>;
    };
    if (p.type) fields.set(path, p.type);
    for (const [sub, subType] of mappedFields(p.properties ?? {}, `${path}.`))
      fields.set(sub, subType);
    for (const [sub, subType] of mappedFields(p.fields ?? {}, `${path}.`)) fields.set(sub, subType);
  }
  return fields;
}

// Both analyzer profiles must work: the fallback has fewer sub-fields, so test against it.
const MAPPED = mappedFields(articleMappings('standard').properties ?? {});
const PREFIX = 'analyst';
const objects = kibanaObjects(PREFIX);
const ids = kibanaIds(PREFIX);
const ofType = (type: SavedObject['type']) => objects.filter((o) => o.type === type);
const dashboard = ofType('dashboard')[0]!;
const lensLayers = (lens: SavedObject) => {
  const state = lens.attributes.state as {
    datasourceStates: { formBased: { layers: Record<string, { columns: Record<string, Json> }> } };
  };
  return Object.entries(state.datasourceStates.formBased.layers);
};
const controls = () => {
  const input = dashboard.attributes.controlGroupInput as { panelsJSON: string };
  return Object.values(
    JSON.parse(input.panelsJSON) as Record<
      string,
      { explicitInput: { id: string; fieldName: string } }
    >,
  );
};
const panels = () =>
  JSON.parse(dashboard.attributes.panelsJSON as string) as (Json & {
    panelIndex: string;
    panelRefName: string;
    gridData: { x: number; y: number; w: number; h: number };
  })[];

/** Field → the mapping type it needs, for every field any object uses. */
function fieldUses(): [string, string, string][] {
  const uses: [string, string, string][] = [];
  const dataView = ofType('index-pattern')[0]!;
  uses.push([dataView.id, dataView.attributes.timeFieldName as string, 'date']);
  for (const lens of ofType('lens')) {
    for (const [, layer] of lensLayers(lens)) {
      for (const column of Object.values(layer.columns)) {
        if (column.sourceField === '___records___') continue;
        uses.push([
          lens.id,
          column.sourceField as string,
          column.dataType === 'date' ? 'date' : 'keyword',
        ]);
      }
    }
  }
  for (const search of ofType('search')) {
    for (const column of search.attributes.columns as string[])
      uses.push([search.id, column, MAPPED.get(column) ?? 'missing']);
    for (const [field] of search.attributes.sort as string[][])
      uses.push([search.id, field!, 'date']);
  }
  for (const control of controls())
    uses.push([dashboard.id, control.explicitInput.fieldName, 'keyword']);
  return uses;
}

describe('Kibana saved objects as data', () => {
  test('every field they use exists in the index template with the right type', () => {
    for (const [id, field, type] of fieldUses()) {
      assert.equal(MAPPED.get(field), type, `${id} uses ${field} as ${type}`);
    }
  });

  test('the data view covers <prefix>-articles* with published_at as time field', () => {
    const [dataView] = ofType('index-pattern');
    assert.equal(dataView?.id, ids.dataView);
    assert.equal(dataView?.attributes.title, `${PREFIX}-articles*`);
    assert.equal(dataView?.attributes.timeFieldName, 'published_at');
  });

  test('every visualisation and the saved search reference the data view', () => {
    for (const lens of ofType('lens')) {
      for (const [layerId] of lensLayers(lens)) {
        const name = `indexpattern-datasource-layer-${layerId}`;
        assert.ok(
          lens.references.some(
            (r) => r.name === name && r.id === ids.dataView && r.type === 'index-pattern',
          ),
          lens.id,
        );
      }
    }
    const [search] = ofType('search');
    assert.deepEqual(
      search?.references.map((r) => r.id),
      [ids.dataView],
    );
  });

  test('the dashboard holds every chart, the latest articles and five filters', () => {
    assert.equal(dashboard.attributes.title, DASHBOARD_TITLE);
    const byName = new Map(dashboard.references.map((r) => [r.name, r]));
    const panelIds = panels().map((p) => byName.get(`${p.panelIndex}:${p.panelRefName}`)?.id);
    assert.deepEqual(
      panelIds,
      [...ofType('lens'), ...ofType('search')].map((o) => o.id),
    );
    assert.deepEqual(
      controls().map((c) => c.explicitInput.fieldName),
      ['topics', 'countries', 'pairs', 'source.name', 'language'],
    );
    for (const control of controls()) {
      assert.equal(
        byName.get(`controlGroup_${control.explicitInput.id}:optionsListDataView`)?.id,
        ids.dataView,
      );
    }
    const [search] = ofType('search');
    assert.deepEqual(search?.attributes.columns, ['title', 'source.name', 'topics', 'url']);
  });

  test('the charts split coverage over time by topic, source, language and pair, and rank actors', () => {
    const splits = ofType('lens').map((lens) => {
      const columns = Object.values(lensLayers(lens)[0]![1].columns);
      const overTime = columns.some((c) => c.operationType === 'date_histogram');
      const terms = columns.find((c) => c.operationType === 'terms')?.sourceField;
      return `${terms}${overTime ? ' over time' : ''}`;
    });
    assert.deepEqual(splits, [
      'topics over time',
      'source.name over time',
      'language over time',
      'pairs over time',
      'actors',
    ]);
  });

  test('panels do not overlap on the 48-column grid', () => {
    const cells = new Set<string>();
    for (const { gridData: g } of panels()) {
      assert.ok(g.x + g.w <= 48);
      for (let x = g.x; x < g.x + g.w; x++) {
        for (let y = g.y; y < g.y + g.h; y++) {
          assert.ok(!cells.has(`${x},${y}`), `overlap at ${x},${y}`);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  test('ids are stable and unique per prefix, so a second import overwrites in place', () => {
    assert.equal(toNdjson(kibanaObjects(PREFIX)), toNdjson(objects));
    const all = objects.map((o) => `${o.type}:${o.id}`);
    assert.equal(new Set(all).size, all.length);
    assert.ok(objects.every((o) => o.id.startsWith(`${PREFIX}-articles`)));
    assert.ok(kibanaObjects('other').every((o) => o.id.startsWith('other-articles')));
  });

  test('the NDJSON file has one object per line with its migration versions', () => {
    const lines = toNdjson(objects).trimEnd().split('\n');
    assert.equal(lines.length, objects.length);
    for (const line of lines) {
      const parsed = JSON.parse(line) as SavedObject;
      assert.ok(parsed.coreMigrationVersion && parsed.typeMigrationVersion, parsed.id);
    }
  });
});
