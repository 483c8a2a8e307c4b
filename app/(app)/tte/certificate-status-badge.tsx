import type { CertificateStatus } from "@/lib/signing/certificate-queries";

const STYLES: Record<CertificateStatus, { className: string; mark: string }> = {
  active: { className: "bg-emerald-100 text-emerald-900", mark: "●" },
  expired: { className: "bg-amber-100 text-amber-900", mark: "◐" },
  revoked: { className: "bg-red-100 text-red-900", mark: "✕" },
  superseded: { className: "bg-slate-200 text-slate-700", mark: "○" },
};

/** A certificate's status by text and mark together, never by colour alone. Shared with /admin/sertifikat. */
export function CertificateStatusBadge({ status, label }: { status: CertificateStatus; label: string }) {
  const style = STYLES[status];
  return (
    <span data-testid="certificate-status" data-status={status} className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${style.className}`}>
      <span aria-hidden>{style.mark}</span>
      {label}
    </span>
  );
}
