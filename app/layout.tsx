import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import { ServiceWorkerRegistration } from "@/components/shell/service-worker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kawan", template: "%s · Kawan" },
  description: "Kantor di awan untuk aparatur pemerintah daerah",
  applicationName: "Kawan",
  icons: { icon: [{ url: "/icons/favicon-32.png", sizes: "32x32", type: "image/png" }, { url: "/icons/icon.svg", type: "image/svg+xml" }], apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Kawan", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5a46" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
