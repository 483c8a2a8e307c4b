"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { markAllNotificationsRead } from "@/lib/notifications/read";

export const markAllNotificationsReadAction = defineAction(z.object({}), (ctx) => markAllNotificationsRead(ctx), {
  success: "notifications.markedAllRead",
});
