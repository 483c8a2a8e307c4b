"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { REVOCATION_REASONS } from "@/lib/signing/certificate-queries";
import { changePassphrase, enrol, renew, revokeOwnCertificate } from "@/lib/signing/enrolment";
import { optionalText } from "@/lib/validation";

// Secrets are never trimmed: spaces belong to a passphrase. Their strength is judged in lib, against the
// holder's NIP and login password, so the form shows the same message whatever the entry point.
const secret = z.string().min(1, "validation.required").max(200, "validation.tooLong");
const optionalSecret = z.string().max(200, "validation.tooLong").default("");
const reason = z.enum(REVOCATION_REASONS, { error: "certificates.reasonRequired" });

export const enrolAction = defineAction(
  z.object({ loginPassword: secret, passphrase: secret, confirmPassphrase: optionalSecret }),
  (ctx, input) => enrol(ctx, input),
  { success: "tte.enrol.success" },
);

export const renewAction = defineAction(
  z.object({ passphrase: secret, newPassphrase: optionalSecret, confirmNewPassphrase: optionalSecret }),
  (ctx, input) => renew(ctx, { passphrase: input.passphrase, newPassphrase: input.newPassphrase || undefined, confirmNewPassphrase: input.confirmNewPassphrase }),
  { success: "tte.renew.success" },
);

export const changePassphraseAction = defineAction(
  z.object({ oldPassphrase: secret, newPassphrase: secret, confirm: optionalSecret }),
  (ctx, input) => changePassphrase(ctx, input),
  { success: "tte.change.success" },
);

export const revokeOwnAction = defineAction(
  z.object({ reason, note: optionalText(300), loginPassword: secret }),
  (ctx, input) => revokeOwnCertificate(ctx, input),
  { success: "tte.forgot.success" },
);
