import { addProtocol, type StyleSpecification } from 'maplibre-gl';

/** Where the server serves BASEMAP_DIR's style; it answers 204 here when none is configured. */
export const BASEMAP_STYLE_PATH = '/basemap/style.json';
const PMTILES = 'pmtiles://';

let loading: Promise<StyleSpecification | null> | null = null;

/**
 * The basemap the server was given (BASEMAP_DIR), with every address in it
 * made absolute, or null for none: the map then keeps its plain background.
 * Asked once per page, as early as the first map needs it.
 */
export function basemapStyle(): Promise<StyleSpecification | null> {
  loading ??= loadBasemap(new URL(BASEMAP_STYLE_PATH, window.location.href).href);
  return loading;
}

async function loadBasemap(styleUrl: string): Promise<StyleSpecification | null> {
  let style: StyleSpecification;
  try {
    const response = await fetch(styleUrl);
    // 204: the server has no basemap.
    if (response.status === 204 || !response.ok) return null;
    style = resolveStyleUrls((await response.json()) as StyleSpecification, styleUrl);
  } catch (error) {
    // A basemap is a backdrop: without it the areas still draw, on the plain background.
    console.warn('gridsweep: the basemap could not be loaded; the map goes on without it', error);
    return null;
  }
  if (JSON.stringify(style.sources).includes(PMTILES)) {
    // Only a page whose basemap is a PMTiles archive loads the reader.
    const { Protocol } = await import('pmtiles');
    addProtocol('pmtiles', new Protocol().tile);
  }
  return style;
}

/**
 * The style with its relative addresses (sources, tiles, glyphs, sprites)
 * resolved against the style's own URL, so a basemap folder can name its
 * files as "city.pmtiles" or "fonts/{fontstack}/{range}.pbf" and be moved
 * between servers. Absolute addresses are left as they are.
 */
export function resolveStyleUrls(style: StyleSpecification, styleUrl: string): StyleSpecification {
  const resolve = (address: string): string => resolveAddress(address, styleUrl);
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, source]) => {
      const resolved: Record<string, unknown> = { ...source };
      if ('url' in source && typeof source.url === 'string') resolved['url'] = resolve(source.url);
      if ('tiles' in source && Array.isArray(source.tiles)) resolved['tiles'] = source.tiles.map(resolve);
      if ('data' in source && typeof source.data === 'string') resolved['data'] = resolve(source.data);
      return [id, resolved];
    }),
  ) as StyleSpecification['sources'];
  const sprite = typeof style.sprite === 'string' ? resolve(style.sprite) : style.sprite?.map((entry) => ({ ...entry, url: resolve(entry.url) }));
  return {
    ...style,
    sources,
    ...(style.glyphs ? { glyphs: resolve(style.glyphs) } : {}),
    ...(sprite ? { sprite } : {}),
  };
}

function resolveAddress(address: string, base: string): string {
  if (address.startsWith(PMTILES)) return PMTILES + resolveAddress(address.slice(PMTILES.length), base);
  // URL() would escape the placeholders MapLibre fills in ({z}, {fontstack}, ...).
  return new URL(address, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}
