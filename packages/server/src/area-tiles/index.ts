// The map's vector tiles, for embedding and for the dashboard's bench (which serves them as the server does).
export { AREA_TILE_LAYER, AREA_TILE_MAX_ZOOM, AreaTileSet, type TiledArea } from './area-tile-set.js';
