// The browser's position for attendance: high accuracy (GPS, not cell towers) and never a cached fix, because a
// fix from minutes ago at home must not pass for one at the office now.

export type GeoFailure = "geoDenied" | "geoUnavailable" | "geoTimeout" | "geoUnsupported";

export function freshPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => {
    if (!("geolocation" in navigator)) return reject(failure("geoUnsupported"));
    navigator.geolocation.getCurrentPosition(resolve, (error) => reject(failure(error.code === error.PERMISSION_DENIED ? "geoDenied" : error.code === error.TIMEOUT ? "geoTimeout" : "geoUnavailable")), {
      enableHighAccuracy: true,
      maximumAge: 0,
      timeout: 20_000,
    });
  });
}

const failure = (key: GeoFailure) => Object.assign(new Error(key), { geoFailure: key });

export function geoFailureOf(error: unknown): GeoFailure | null {
  return typeof error === "object" && error !== null && "geoFailure" in error ? (error as { geoFailure: GeoFailure }).geoFailure : null;
}
