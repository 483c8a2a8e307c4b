// The demo regency's attendance sites, in a module of their own so the e2e journeys can stand at them.

/** Real places in Banyuwangi town; the e2e journeys stand at these points. */
export const DEMO_SITES = {
  pemkab: { name: "Kantor Pemerintah Kabupaten Banyuwangi", latitude: -8.2192, longitude: 114.3691, radiusMeters: 100 },
  kominfo: { name: "Kantor Dinas Komunikasi, Informatika dan Persandian", latitude: -8.2148, longitude: 114.3675, radiusMeters: 75 },
  dinkes: { name: "Kantor Dinas Kesehatan", latitude: -8.2268, longitude: 114.3612, radiusMeters: 75 },
} as const;
