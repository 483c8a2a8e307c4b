import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Download } from "lucide-react";
import { getDb } from "@/db";
import { RootCaDownloads } from "@/components/signing/root-ca-downloads";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { agencyRootCertificate } from "@/lib/signing/authority";
import { describeCertificate, groupedSerial, myCertificates, type MyCertificate } from "@/lib/signing/certificate-queries";
import { certificatePositionTitle, DEFAULT_VALIDITY_YEARS } from "@/lib/signing/enrolment";
import { signingLockState } from "@/lib/signing/passphrase";
import { localDate } from "@/lib/time";
import { changePassphraseAction, enrolAction, renewAction, revokeOwnAction } from "./actions";
import { CertificateStatusBadge } from "./certificate-status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("tte.title") };
}

const SELF_REVOCATION_REASONS = ["passphrase_forgotten", "key_compromise", "wrong_data", "other"] as const;

function Details({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="wrap-anywhere text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Notice({ tone, children }: { tone: "warning" | "danger" | "info"; children: ReactNode }) {
  const style = { warning: "border-amber-300 bg-amber-50 text-amber-950", danger: "border-red-300 bg-red-50 text-red-900", info: "border-sky-300 bg-sky-50 text-sky-950" }[tone];
  return (
    <p role="status" className={`rounded-lg border px-3 py-2 text-sm ${style}`}>
      {children}
    </p>
  );
}

export default async function TtePage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const db = getDb();
  const now = new Date();
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const date = (d: Date) => formatLocalDate(localDate(d, timeZone), actor.locale);

  const certificates = myCertificates({ db, actor, now });
  // The newest certificate not revoked or superseded: valid, or expired and waiting for renewal.
  const current: MyCertificate | null = certificates.find((c) => c.status === "active") ?? null;
  const history = certificates.filter((c) => c !== current);
  const latestRevoked = !current && certificates[0]?.status === "revoked" ? certificates[0] : null;
  const lock = signingLockState(db, actor.employeeId, now);
  const rootDer = agencyRootCertificate(db, actor.agencyId);
  const rootFingerprint = rootDer ? describeCertificate(rootDer).fingerprint : null;
  const positionNow = certificatePositionTitle(actor.acting);
  const outdated =
    current?.effectiveStatus === "active" &&
    (current.description.subject.title !== positionNow || current.description.subject.commonName !== actor.displayName);

  return (
    <div className="space-y-4">
      <PageHeader title={t("tte.title")} description={t("tte.description")} />

      {lock.locked && <Notice tone="danger">{t("tte.locked", { minutes: lock.minutesLeft })}</Notice>}

      <Card title={t("tte.statusTitle")}>
        {current ? (
          <div className="space-y-3" data-testid="tte-current">
            <CertificateStatusBadge status={current.effectiveStatus} label={t(`certificates.status.${current.effectiveStatus}`)} />
            {current.effectiveStatus === "expired" && <Notice tone="warning">{t("tte.expiredNotice", { date: date(current.notAfter) })}</Notice>}
            {outdated && <Notice tone="info">{t("tte.positionOutdated", { position: positionNow || "—" })}</Notice>}
            <Details
              rows={[
                [t("tte.validUntil"), <strong key="until">{date(current.notAfter)}</strong>],
                [t("tte.holder"), current.description.subject.commonName],
                [t("tte.nip"), current.description.subject.serialNumber],
                ...(current.description.subject.title ? ([[t("tte.position"), current.description.subject.title]] as [string, ReactNode][]) : []),
                ...(current.description.subject.organizationalUnit ? ([[t("tte.unit"), current.description.subject.organizationalUnit]] as [string, ReactNode][]) : []),
                [t("tte.organization"), current.description.subject.organization],
                [t("tte.issuer"), current.description.issuerName],
                [t("tte.validFrom"), date(current.notBefore)],
                [t("tte.serial"), <span key="serial" className="font-mono text-xs">{groupedSerial(current.serialHex)}</span>],
              ]}
            />
            <details className="text-sm">
              <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("tte.details")}</summary>
              <p className="text-slate-600">{t("tte.fingerprint")}</p>
              <p className="break-all font-mono text-xs text-slate-900">{current.description.fingerprint}</p>
            </details>
            <a
              href={`/tte/sertifikat?id=${current.id}`}
              className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100"
            >
              <Download aria-hidden className="size-4" />
              {t("tte.downloadOwn")}
            </a>
          </div>
        ) : (
          <p className="text-sm text-slate-700" data-testid="tte-none">
            {latestRevoked ? t("tte.revokedNotice", { date: date(latestRevoked.revokedAt ?? latestRevoked.createdAt) }) : t("tte.none")}
          </p>
        )}
      </Card>

      {!current && (
        <Card title={t("tte.enrol.title")}>
          <p className="mb-2 text-sm text-slate-700">{t("tte.enrol.intro")}</p>
          <p className="mb-4 text-sm font-medium text-slate-800">{t("tte.passphraseNote")}</p>
          <ActionForm action={enrolAction} submitLabel={t("tte.enrol.submit")} pendingLabel={t("tte.enrol.pending")}>
            <TextField name="loginPassword" type="password" autoComplete="current-password" label={t("tte.enrol.loginPassword")} hint={t("tte.enrol.loginPasswordHint")} />
            <TextField name="passphrase" type="password" autoComplete="new-password" label={t("tte.enrol.passphrase")} hint={t("tte.enrol.passphraseHint")} maxLength={200} />
            <TextField name="confirmPassphrase" type="password" autoComplete="new-password" label={t("tte.enrol.confirm")} maxLength={200} />
          </ActionForm>
        </Card>
      )}

      {current && (
        <>
          <Card title={t("tte.renew.title")}>
            <p className="mb-4 text-sm text-slate-700">{t("tte.renew.intro", { years: DEFAULT_VALIDITY_YEARS })}</p>
            <ActionForm action={renewAction} submitLabel={t("tte.renew.submit")} pendingLabel={t("tte.renew.pending")}>
              <TextField name="passphrase" type="password" autoComplete="off" label={t("tte.renew.passphrase")} maxLength={200} />
              <TextField name="newPassphrase" type="password" autoComplete="new-password" label={`${t("tte.renew.newPassphrase")} (${t("common.optional")})`} hint={t("tte.renew.newPassphraseHint")} maxLength={200} />
              <TextField name="confirmNewPassphrase" type="password" autoComplete="new-password" label={t("tte.renew.confirmNew")} maxLength={200} />
            </ActionForm>
          </Card>

          <Card title={t("tte.change.title")}>
            <p className="mb-2 text-sm text-slate-700">{t("tte.change.intro")}</p>
            <p className="mb-4 text-sm text-slate-700">{t("tte.passphraseNote")}</p>
            <ActionForm action={changePassphraseAction} submitLabel={t("tte.change.submit")} pendingLabel={t("common.loading")}>
              <TextField name="oldPassphrase" type="password" autoComplete="off" label={t("tte.change.old")} maxLength={200} />
              <TextField name="newPassphrase" type="password" autoComplete="new-password" label={t("tte.change.new")} hint={t("tte.enrol.passphraseHint")} maxLength={200} />
              <TextField name="confirm" type="password" autoComplete="new-password" label={t("tte.change.confirm")} maxLength={200} />
            </ActionForm>
          </Card>

          <Card>
            <details>
              <summary className="flex min-h-11 cursor-pointer items-center text-base font-semibold text-slate-900">{t("tte.forgot.title")}</summary>
              <p className="my-3 text-sm text-slate-700">{t("tte.forgot.intro")}</p>
              <ActionForm action={revokeOwnAction} submitLabel={t("tte.forgot.submit")} pendingLabel={t("common.loading")} submitVariant="danger">
                <SelectField
                  name="reason"
                  label={t("tte.forgot.reason")}
                  defaultValue="passphrase_forgotten"
                  options={SELF_REVOCATION_REASONS.map((r) => ({ value: r, label: t(`certificates.reasons.${r}`) }))}
                />
                <TextField name="note" label={`${t("tte.forgot.note")} (${t("common.optional")})`} hint={t("tte.forgot.noteHint")} maxLength={300} />
                <TextField name="loginPassword" type="password" autoComplete="current-password" label={t("tte.forgot.loginPassword")} />
              </ActionForm>
            </details>
          </Card>
        </>
      )}

      <Card title={t("tte.root.title")}>
        <div className="space-y-3 text-sm text-slate-700">
          <p>{t("tte.root.intro")}</p>
          <RootCaDownloads agencyId={actor.agencyId} pemLabel={t("tte.root.download")} cerLabel={t("tte.root.downloadCer")} emphasise />
          {rootFingerprint ? (
            <div>
              <p className="font-medium text-slate-800">{t("tte.root.fingerprint")}</p>
              <p className="break-all font-mono text-xs text-slate-900" data-testid="root-fingerprint">
                {rootFingerprint}
              </p>
            </div>
          ) : (
            <p>{t("tte.root.notYet")}</p>
          )}
          <details>
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("tte.root.guideTitle")}</summary>
            <ol className="list-decimal space-y-2 pl-5">
              <li>{t("tte.root.adobe")}</li>
              <li>{t("tte.root.foxit")}</li>
              <li>{t("tte.root.other")}</li>
            </ol>
          </details>
        </div>
      </Card>

      {history.length > 0 && (
        <Card title={t("tte.history.title")}>
          <ul className="divide-y divide-slate-200" data-testid="tte-history">
            {history.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="block font-mono text-xs text-slate-700">{groupedSerial(c.serialHex)}</span>
                  <span className="block text-slate-800">{t("tte.history.period", { from: date(c.notBefore), to: date(c.notAfter) })}</span>
                  {c.revokedAt && <span className="block text-slate-600">{t("tte.history.revokedOn", { date: date(c.revokedAt) })}</span>}
                </span>
                <CertificateStatusBadge status={c.effectiveStatus} label={t(`certificates.status.${c.effectiveStatus}`)} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
