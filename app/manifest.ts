import type { MetadataRoute } from "next";

// What a phone needs to install Kawan as an app: standalone window, home-screen icons (the 512 one doubles as
// the maskable icon: its drawing keeps inside the safe circle), the brand colour for the status bar.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Kawan: kantor di awan",
    short_name: "Kawan",
    description: "Naskah dinas, surat masuk dan disposisi, tanda tangan elektronik dan presensi dari ponsel.",
    lang: "id",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#0b5a46",
    categories: ["productivity", "business"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
