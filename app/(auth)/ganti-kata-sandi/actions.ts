"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { changeOwnPassword } from "@/lib/auth/account";

export const changePasswordAction = defineAction(
  z.object({
    oldPassword: z.string().min(1, "validation.required").max(200),
    newPassword: z.string().min(1, "validation.required").max(200, "password.tooLong"),
    confirmPassword: z.string().min(1, "validation.required").max(200),
  }),
  (ctx, input) => changeOwnPassword(ctx, input),
  { allowPendingPasswordChange: true, redirectTo: () => "/?kata-sandi=diganti" },
);
