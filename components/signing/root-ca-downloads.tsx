import { Download, ShieldCheck } from "lucide-react";

const primaryStyle = "bg-brand-700 text-white hover:bg-brand-900";
const secondaryStyle = "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100";

/** The agency root certificate as PEM and as DER (.cer, for Adobe Reader's import dialog). */
export function RootCaDownloads({ agencyId, pemLabel, cerLabel, emphasise = false }: { agencyId: number; pemLabel: string; cerLabel: string; emphasise?: boolean }) {
  const link = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold";
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
      <a href={`/api/tte/root-ca?instansi=${agencyId}`} download="kawan-root-ca.pem" className={`${link} ${emphasise ? primaryStyle : secondaryStyle}`}>
        {emphasise ? <ShieldCheck aria-hidden className="size-4" /> : <Download aria-hidden className="size-4" />}
        {pemLabel}
      </a>
      <a href={`/api/tte/root-ca?instansi=${agencyId}&format=cer`} download="kawan-root-ca.cer" className={`${link} ${secondaryStyle}`}>
        <Download aria-hidden className="size-4" />
        {cerLabel}
      </a>
    </div>
  );
}
