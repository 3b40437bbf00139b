// shpjs ships no types (DefinitelyTyped's are for its version 3); these are the two readers used, as version 6 exports them.
declare module 'shpjs' {
  /** The shapes of a .shp as GeoJSON geometries, null for a null shape; positions unprojected through the .prj's text when proj4 reads it. */
  export function parseShp(shp: DataView | Uint8Array, prj?: string): ({ type: string; coordinates: unknown } | null)[];
  /** The records of a .dbf, decoded with the TextDecoder label given (UTF-8 when absent). */
  export function parseDbf(dbf: DataView | Uint8Array, encoding?: string): Record<string, unknown>[];
}
