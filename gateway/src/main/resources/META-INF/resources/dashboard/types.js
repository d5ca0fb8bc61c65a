// The API's shapes the page reads: the schemas generated from the gateway's merged /openapi.json
// (clients/typescript), so the build's type check fails when the API changes under the page.

/**
 * @typedef {import('@jjj/observatory-client').Schemas} Schemas
 * @typedef {Pick<Schemas['IndicatorsRegion'], 'code' | 'nameEn' | 'nameZh' | 'parent' | 'lon' | 'lat'>
 *   & {level?: Schemas['IndicatorsRegion']['level'] | 'group'}} Region a region, or a group placed at its members' mean point
 * @typedef {Schemas['IndicatorsRegion']} RegionRow a region as /api/regions pages it
 * @typedef {Schemas['IndicatorsRegionGroup']} RegionGroup
 * @typedef {Schemas['IndicatorDefinition']} Indicator
 * @typedef {Schemas['ObservationValue']} Observation
 * @typedef {Omit<Schemas['TransportNode'], 'lon' | 'lat'>} NodeProperties a station as a GeoJSON feature's properties
 * @typedef {Schemas['TransportLink']} LinkProperties a link as a GeoJSON feature's properties
 * @typedef {Schemas['TransportIsochroneNode']} IsochroneNode
 * @typedef {Schemas['TransportAccessibility']} Accessibility
 * @typedef {Schemas['ProjectFlows']} Flows
 * @typedef {Schemas['Project']} Project
 * @typedef {Schemas['ProjectHistory']} ProjectHistory
 * @typedef {Schemas['ProjectStats']} ProjectStats
 * @typedef {Schemas['RegionProfile']} RegionProfile
 * @typedef {Schemas['RegionProfileProjects']} ProfileProjects
 * @typedef {Schemas['CloudEvent']} CloudEvent
 */
export {};
