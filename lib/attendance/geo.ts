// Distances on the Earth for geofences and the speed between two records. Haversine on a sphere of the mean
// radius: within a few metres at the 15-100 m scale of an office fence, which is all the accuracy a phone gives.

const EARTH_RADIUS_METERS = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export type GeoPoint = { latitude: number; longitude: number };

export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type Fence = GeoPoint & { radiusMeters: number };

/** The fence whose edge is nearest (inside ones first), with the distance to its centre. */
export function nearestFence<F extends Fence>(point: GeoPoint, fences: readonly F[]): { fence: F; distanceMeters: number; inside: boolean } | null {
  let best: { fence: F; distanceMeters: number; inside: boolean } | null = null;
  for (const fence of fences) {
    const distanceMeters = haversineMeters(point, fence);
    const inside = distanceMeters <= fence.radiusMeters;
    const beyondEdge = distanceMeters - fence.radiusMeters;
    if (!best || (inside && !best.inside) || (inside === best.inside && beyondEdge < best.distanceMeters - best.fence.radiusMeters)) {
      best = { fence, distanceMeters, inside };
    }
  }
  return best;
}
