import type { ReactNode } from "react";
import { ShieldCheck } from "lucide-react";

/** The frame of the public verification pages: who issued the document, no sign-in, no app navigation. */
export function PublicShell({ agencyName, subtitle, children }: { agencyName: string; subtitle: string; children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="bg-brand-700 text-white shadow">
        <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-3">
          <ShieldCheck aria-hidden className="size-8 shrink-0 text-brand-100" />
          <div className="min-w-0">
            <p className="text-base leading-tight font-semibold break-words" data-testid="public-agency">
              {agencyName}
            </p>
            <p className="text-xs text-brand-100">{subtitle}</p>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl space-y-4 p-4">
        {children}
      </main>
      <footer className="mx-auto max-w-2xl px-4 pb-8 text-center text-xs text-slate-600">
        Kawan
      </footer>
    </div>
  );
}
