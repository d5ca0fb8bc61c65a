// The regions and region groups, read once per page.
import { getJson } from './api.js';

/** @typedef {import('./types.js').Region} Region */

/** @type {Promise<Map<string, Region>> | undefined} */
let cached;

/** Every region and group by code; groups carry their point too. */
export function regionsByCode() {
  if (!cached) {
    cached = getJson('/api/regions').then((/** @type {import('./types.js').RegionList} */ list) => {
      /** @type {Map<string, Region>} */
      const byCode = new Map();
      for (const region of list.regions) {
        byCode.set(region.code, region);
      }
      for (const group of list.groups) {
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
