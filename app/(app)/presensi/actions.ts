"use server";

import { defineAction } from "@/lib/actions/define-action";
import { homePointSchema, registerHomePoint } from "@/lib/attendance/home-point";

export const registerHomePointAction = defineAction(homePointSchema, registerHomePoint, { success: "presensi.home.saved" });
