import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kawan", template: "%s · Kawan" },
  description: "Kantor di awan untuk aparatur pemerintah daerah",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5a46" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
