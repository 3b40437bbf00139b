// The synthetic city's public surface, listed name by name.
export type { CityScale, ChildCount, ScaleName } from './scales.js';
export { CITY_SCALES, SCALE_NAMES, isScaleName } from './scales.js';
export type { CityOptions, CityRecord, GenerationProgress, GeneratedBuilding } from './generate-city.js';
export { generateCity, resolveScale, VACANT_SHARE } from './generate-city.js';
export type { GeneratedArea } from './generate-areas.js';
export { CITY_NAME, ROOT_AREA_ID } from './generate-areas.js';
export type { CitySummary } from './write-city.js';
export { writeCity, CITY_FILES } from './write-city.js';
export type { CityRecords } from './read-city.js';
export { readCity, readCityRecords, cityRecords, cityTerritory, territoryOf } from './read-city.js';
export { FAKE_PHONE_PREFIX } from './person-names.js';
export { CITY_CENTRE } from './geometry.js';
export { Random } from './random.js';
