import type { StyleSpecification } from 'maplibre-gl';

/**
 * A style with nothing but a background: the command centre may have no
 * internet, so no tiles, sprites or glyphs are ever requested.
 */
export function blankStyle(background: string): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': background } }],
  };
}
