import type { Database } from 'better-sqlite3';
import type { StoryFieldUpdate } from '../../core/store-types.js';
import { guarded } from './errors.js';

/**
 * A field left out of the update keeps its column (coalesce); SQLite keeps articles_by_copied_from
 * in step with the row, so `--copies-of` sees the change at commit. An id not stored matches no
 * row: its own write, still to come, carries its fields.
 */
const UPDATE = `UPDATE articles SET copied_from = coalesce(@copied_from, copied_from),
  copied_by = coalesce(@copied_by, copied_by), origin_overlap = @origin_overlap WHERE id = @id`;

export function updateStoryFieldsOf(db: Database, file: string, updates: StoryFieldUpdate[]) {
  if (updates.length === 0) return;
  guarded(file, () => {
    const update = db.prepare(UPDATE);
    const all = db.transaction(() => {
      for (const u of updates) {
        update.run({ copied_from: null, copied_by: null, ...u });
      }
    });
    // IMMEDIATE for the reason putMany gives: wait for the write lock up front.
    all.immediate();
  });
}
