import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// Bundled, MapLibre cannot find its worker script by itself; without this its
// GeoJSON sources stay empty and the console says "Worker failed to load".
setWorkerUrl(workerUrl);
