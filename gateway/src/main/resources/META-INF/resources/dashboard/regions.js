// The regions and region groups, read once per page.
import { getJson } from './api.js';

/** @typedef {import('./types.js').Region} Region */

/** @type {Promise<Map<string, Region>> | undefined} */
let cached;

/** Every region and group by code; groups carry their point too. */
export function regionsByCode() {
  if (!cached) {
    cached = Promise.all([getJson('/api/regions?size=1000'), getJson('/api/regions/groups')]).then((answers) => {
      const page = /** @type {{items: import('./types.js').RegionRow[]}} */ (answers[0]);
      const groups = /** @type {import('./types.js').RegionGroup[]} */ (answers[1]);
      /** @type {Map<string, Region>} */
      const byCode = new Map();
      for (const region of page.items) {
        byCode.set(region.code, region);
      }
      for (const group of groups) {
        byCode.set(group.code, { code: group.code, nameEn: group.nameEn, level: 'group', lon: group.lon, lat: group.lat, parent: null });
      }
      return byCode;
    }).catch((error) => {
      cached = undefined;
      throw error;
    });
  }
  return cached;
}
