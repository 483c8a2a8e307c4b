"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { MAX_LOGO_BYTES, TIME_ZONES, updateAgencyProfile } from "@/lib/org/agency-settings";
import { optionalText, requiredText } from "@/lib/validation";

export const updateAgencyAction = defineAction(
  z.object({
    name: requiredText(150),
    regionName: requiredText(150),
    address: optionalText(300),
    phone: optionalText(50),
    email: z.string().trim().max(200).refine((v) => v === "" || z.email().safeParse(v).success, "validation.email"),
    website: optionalText(200),
    timeZone: z.enum(TIME_ZONES),
    paperSize: z.enum(["A4", "F4"]),
    logo: z
      .instanceof(File)
      .refine((f) => f.size <= MAX_LOGO_BYTES, "agency.logoTooLarge")
      .optional(),
  }),
  async (ctx, { logo, ...profile }) =>
    updateAgencyProfile(ctx, { ...profile, logo: logo && logo.size > 0 ? Buffer.from(await logo.arrayBuffer()) : null }),
  { success: "common.saved" },
);
